#!/usr/bin/env bash
# The single Kafka node (KRaft: broker and controller in one) of deploy/docker-compose.yml, with
# authentication and authorization:
#   - clients (the services, and tools on the host through 127.0.0.1:29092) connect with SASL/SCRAM,
#     each service as its own user that may use only its own topics and consumer groups (ACLs below);
#   - the controller and the broker's own inter-broker listener are plaintext on the container's
#     loopback only (127.0.0.1:9093, :9094), where the principal ANONYMOUS is the super user: only a
#     process inside this container can reach them. Setup runs there, so it needs no bootstrap
#     credential, and it also works on a data volume from before authentication.
# After the broker answers, setup is run on every start (all steps idempotent): the SCRAM users and
# their passwords (so changing a password in .env and restarting rotates it), the topics, partitions
# raised to WORKOUT_EVENTS_PARTITIONS if that grew, and the ACLs. Then /tmp/footing-ready is written:
# the health check, and so the services' depends_on, waits for it.
set -euo pipefail

: "${CATALOG_KAFKA_PASSWORD:?CATALOG_KAFKA_PASSWORD is required}"
: "${SESSION_KAFKA_PASSWORD:?SESSION_KAFKA_PASSWORD is required}"
: "${STATS_KAFKA_PASSWORD:?STATS_KAFKA_PASSWORD is required}"
partitions="${WORKOUT_EVENTS_PARTITIONS:-6}"
stats_group="${STATS_CONSUMER_GROUP_ID:-stats-service}"
cluster_id="${CLUSTER_ID:-Zm9vdGluZy1rYWZrYS0x}"
external_port="${KAFKA_EXTERNAL_PORT:-29092}"
# KAFKA_HOME and KAFKA_DATA_DIR only for trying the script outside the image.
bin="${KAFKA_HOME:-/opt/kafka}/bin"
config=/tmp/footing-server.properties
ready=/tmp/footing-ready
local_broker=127.0.0.1:9094
rm -f "$ready"

# Development only, off by default: KAFKA_DEV_PLAINTEXT=true adds a plaintext listener without
# authentication (principal ANONYMOUS, the super user), published on the host's 127.0.0.1:29093,
# for running the tests against this broker (README, "Choosing the infrastructure for tests").
dev_listener="" dev_advertised="" dev_protocol=""
if [ "${KAFKA_DEV_PLAINTEXT:-false}" = "true" ]; then
    echo "WARNING: KAFKA_DEV_PLAINTEXT=true: a plaintext listener without authentication on port 29093" >&2
    dev_listener=",DEV://:29093"
    dev_advertised=",DEV://localhost:${KAFKA_DEV_PORT:-29093}"
    dev_protocol=",DEV:PLAINTEXT"
fi

cat > "$config" <<PROPERTIES
node.id=1
process.roles=broker,controller
controller.quorum.voters=1@127.0.0.1:9093
controller.listener.names=CONTROLLER
listeners=CLIENT://:9092,EXTERNAL://:29092,CONTROLLER://127.0.0.1:9093,INTERNAL://127.0.0.1:9094${dev_listener}
advertised.listeners=CLIENT://kafka:9092,EXTERNAL://localhost:${external_port},INTERNAL://127.0.0.1:9094${dev_advertised}
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT${dev_protocol}
inter.broker.listener.name=INTERNAL
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:ANONYMOUS
log.dirs=${KAFKA_DATA_DIR:-/var/lib/kafka/data}
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

# Formats the log directory on first start only (the cluster id is the one compose always used).
"$bin/kafka-storage.sh" format --ignore-formatted -t "$cluster_id" -c "$config"

"$bin/kafka-server-start.sh" "$config" &
broker=$!
trap 'kill -TERM "$broker" 2>/dev/null; wait "$broker"' TERM INT

until "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$local_broker" > /dev/null 2>&1; do
    kill -0 "$broker" 2>/dev/null || { echo "kafka exited before setup" >&2; wait "$broker"; exit 1; }
    sleep 1
done

user() { # name password
    "$bin/kafka-configs.sh" --bootstrap-server "$local_broker" --alter --entity-type users --entity-name "$1" \
        --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
}
topic() { # name, then kafka-topics options
    "$bin/kafka-topics.sh" --bootstrap-server "$local_broker" --create --if-not-exists --topic "$@"
}
grow() { # name partitions
    local current
    current=$("$bin/kafka-topics.sh" --bootstrap-server "$local_broker" --describe --topic "$1" \
        | sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$current" ] && [ "$current" -lt "$2" ]; then
        # Growth only: Kafka cannot take partitions away. Users move to other partitions (see README).
        "$bin/kafka-topics.sh" --bootstrap-server "$local_broker" --alter --topic "$1" --partitions "$2"
    fi
}
allow() { # principal, then operations and resources (kafka-acls takes several of each)
    local principal="$1"
    shift
    "$bin/kafka-acls.sh" --bootstrap-server "$local_broker" --add --allow-principal "User:$principal" "$@" > /dev/null
}

user catalog-service "$CATALOG_KAFKA_PASSWORD"
user session-service "$SESSION_KAFKA_PASSWORD"
user stats-service "$STATS_KAFKA_PASSWORD"

topic exercise-catalog --partitions 3 --replication-factor 1 --config cleanup.policy=compact --config min.compaction.lag.ms=0
topic program-catalog --partitions 1 --replication-factor 1 --config cleanup.policy=compact --config min.compaction.lag.ms=0
# Kept forever: stats-service rebuilds from it.
topic workout-events --partitions "$partitions" --replication-factor 1 --config retention.ms=-1 --config retention.bytes=-1
grow workout-events "$partitions"
topic workout-events-dlq --partitions 1 --replication-factor 1 --config retention.ms=2592000000

# catalog-service writes the catalog topics.
allow catalog-service --operation Write --operation Describe --topic exercise-catalog --topic program-catalog
# session-service writes workout-events and keeps replicas of the catalog topics, each instance in a
# consumer group of its own (session-service-exercise-replica-<random>): a prefixed group ACL.
allow session-service --operation Write --operation Describe --topic workout-events
allow session-service --operation Read --operation Describe --topic exercise-catalog --topic program-catalog
allow session-service --operation Read --group session-service- --resource-pattern-type prefixed
# stats-service reads workout-events (group stats-service, or STATS_CONSUMER_GROUP_ID) and the
# catalog topics, and writes dead letters only (and reads them back, outside any group, for an
# admin's GET /api/admin/dead-letters).
allow stats-service --operation Read --operation Describe --topic workout-events --topic exercise-catalog --topic program-catalog
allow stats-service --operation Write --operation Read --operation Describe --topic workout-events-dlq
allow stats-service --operation Read --group stats-service --resource-pattern-type prefixed
allow stats-service --operation Read --group "$stats_group"

touch "$ready"
echo "footing: users, topics and ACLs in place"
wait "$broker"
