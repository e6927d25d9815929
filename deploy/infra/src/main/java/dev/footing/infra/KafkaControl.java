package dev.footing.infra;

final class KafkaControl implements KafkaControlMBean {

    private final KafkaBroker broker;

    KafkaControl(KafkaBroker broker) {
        this.broker = broker;
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }
}
