-- stats-service keeps the facts the event stream established, not running counters: every
-- number is computed from these rows, so it depends only on WHICH events exist, never on
-- the order they arrived in. The event tables below are rebuilt from the topic by
-- POST /api/admin/rebuild (into rebuild_* copies that are swapped in), user_goal is not.

-- One row per applied event: the idempotence guard (a redelivery finds its id here) and
-- the source position, so a rebuild can tell what the live consumer applied after its end.
CREATE TABLE applied_event (
    event_id         uuid PRIMARY KEY,
    user_id          varchar(64) NOT NULL,
    event_type       varchar(64) NOT NULL,
    event_time       timestamptz NOT NULL,
    source_partition int         NOT NULL,
    source_offset    bigint      NOT NULL
);
CREATE INDEX applied_event_user ON applied_event (user_id, event_time);
CREATE INDEX applied_event_position ON applied_event (source_partition, source_offset);

-- One row per completed set, with the exercise as the event described it. retracted is
-- true once a retraction for the set (same user) exists, whichever arrived first.
CREATE TABLE set_fact (
    set_id           uuid PRIMARY KEY,
    event_id         uuid         NOT NULL,
    user_id          varchar(64)  NOT NULL,
    session_id       uuid         NOT NULL,
    exercise_id      uuid         NOT NULL,
    exercise_slug    varchar(200) NOT NULL,
    exercise_name    varchar(300) NOT NULL,
    category         varchar(32)  NOT NULL,
    body_areas       varchar(32)[] NOT NULL,
    measurement      varchar(16)  NOT NULL,
    unilateral       boolean      NOT NULL,
    reps             int,
    duration_seconds int,
    load_kg          numeric      NOT NULL,
    side             varchar(8),
    rpe              int,
    completed_at     timestamptz  NOT NULL,
    timezone         varchar(64)  NOT NULL,
    local_date       date         NOT NULL,
    retracted        boolean      NOT NULL
);
CREATE INDEX set_fact_user_date ON set_fact (user_id, local_date) WHERE NOT retracted;
CREATE INDEX set_fact_user_exercise ON set_fact (user_id, exercise_id) WHERE NOT retracted;
CREATE INDEX set_fact_user_completed ON set_fact (user_id, completed_at);
CREATE INDEX set_fact_event ON set_fact (event_id);

-- A retraction is kept even when its set is unknown: the set may still arrive (late sync).
CREATE TABLE set_retraction (
    set_id       uuid PRIMARY KEY,
    event_id     uuid        NOT NULL,
    user_id      varchar(64) NOT NULL,
    session_id   uuid        NOT NULL,
    retracted_at timestamptz NOT NULL
);
CREATE INDEX set_retraction_event ON set_retraction (event_id);

CREATE TABLE session_completion (
    session_id   uuid PRIMARY KEY,
    event_id     uuid        NOT NULL,
    user_id      varchar(64) NOT NULL,
    completed_at timestamptz NOT NULL,
    timezone     varchar(64) NOT NULL
);
CREATE INDEX session_completion_event ON session_completion (event_id);

-- Set through the API, not the topic: a rebuild leaves it alone.
CREATE TABLE user_goal (
    user_id              varchar(64) PRIMARY KEY,
    active_days_per_week int         NOT NULL CHECK (active_days_per_week BETWEEN 1 AND 7),
    updated_at           timestamptz NOT NULL
);
