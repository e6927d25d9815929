package dev.footing.infra;

/** Lets a test stop and restart the shared broker, whatever class loader it runs in. */
public interface KafkaControlMBean {

    void stop();

    void start();
}
