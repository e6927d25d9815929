package dev.footing.infra;

/** Lets a test kill and restart the shared PostgreSQL, whatever class loader it runs in. */
public interface DatabaseControlMBean {

    void stop();

    void start();
}
