-- Issue 10 (training guidance, docs/architecture.md §9).

-- Optional fields the set and session events gained; events older than them leave these null.
-- The rebuild copies tables with LIKE ... INCLUDING ALL and moves rows with SELECT *, so it carries them.
ALTER TABLE set_fact ADD COLUMN pain int CHECK (pain BETWEEN 0 AND 10);
ALTER TABLE set_fact ADD COLUMN program_id uuid;
ALTER TABLE session_completion ADD COLUMN program_id uuid;
-- Guidance replays one user's sessions of an exercise.
CREATE INDEX set_fact_user_session ON set_fact (user_id, session_id) WHERE NOT retracted;

-- Replicas of catalog-service's compacted topics, rebuilt by every instance from the start of the
-- topic on each start (they are not event facts: a rebuild of the facts leaves them alone).
CREATE TABLE exercise_replica (
    exercise_id  uuid PRIMARY KEY,
    slug         varchar(200) NOT NULL,
    name         varchar(300) NOT NULL,
    measurement  varchar(16)  NOT NULL,
    unilateral   boolean      NOT NULL,
    prescription jsonb,
    progression  jsonb,
    retired      boolean      NOT NULL,
    updated_at   timestamptz  NOT NULL
);
CREATE INDEX exercise_replica_slug ON exercise_replica (slug);

CREATE TABLE program_replica (
    program_id        uuid PRIMARY KEY,
    slug              varchar(200) NOT NULL,
    name              varchar(300) NOT NULL,
    frequency         text,
    sessions_per_week int CHECK (sessions_per_week BETWEEN 1 AND 14),
    -- [{exerciseId, exercise}] in the program's order
    items             jsonb        NOT NULL,
    retired           boolean      NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX program_replica_slug ON program_replica (slug);

-- Programs a user follows: set through the API like goals, so a rebuild keeps them.
CREATE TABLE program_follow (
    user_id           varchar(64) NOT NULL,
    program_id        uuid        NOT NULL,
    sessions_per_week int         NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 14),
    since             date        NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (user_id, program_id)
);
