-- Exercise snapshots consumed from the compacted topic exercise-catalog: validation reads this,
-- never catalog-service, so sets for known exercises are accepted while the catalog is down.
create table exercise_replica (
    id          uuid primary key,
    slug        varchar(200) not null,
    name        varchar(300) not null,
    category    varchar(40)  not null,
    body_areas  text         not null, -- JSON array of body area names
    measurement varchar(20)  not null,
    unilateral  boolean      not null,
    retired     boolean      not null,
    updated_at  timestamptz  not null,
    received_at timestamptz  not null
);

create table workout_session (
    id                 uuid primary key,
    user_id            varchar(64)  not null,
    timezone           varchar(64)  not null,
    program_id         uuid,
    started_at         timestamptz  not null,
    started_local_date date         not null,
    completed_at       timestamptz,
    notes              varchar(2000),
    created_at         timestamptz  not null
);
create index workout_session_user_day on workout_session (user_id, started_local_date desc, started_at desc);

create table workout_set (
    id               uuid primary key,
    session_id       uuid          not null references workout_session (id),
    exercise_id      uuid          not null,
    reps             integer,
    duration_seconds integer,
    load_kg          numeric(7, 2) not null,
    side             varchar(5),
    rpe              smallint,
    completed_at     timestamptz   not null,
    local_date       date          not null,
    recorded_at      timestamptz   not null,
    retracted_at     timestamptz,
    seq              bigserial     not null
);
create index workout_set_session on workout_set (session_id, completed_at, seq);

-- Transactional outbox: written in the same transaction as the rows it describes. The id is
-- taken from the sequence at insert time, and writers of one user are serialized, so per user
-- the id order is the commit order, which is the order the relay publishes in.
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid         not null unique,
    user_id     varchar(64)  not null,
    type        varchar(64)  not null,
    payload     text         not null,
    occurred_at timestamptz  not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz
);
create index outbox_event_pending on outbox_event (user_id, id) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
