-- Rollups the summary and the live poll read instead of aggregating a user's whole history on every
-- push (docs/architecture.md §10, "Single sets and freshness"). They are not a second truth: the same
-- statement that inserts an event's guard row and facts updates them (facts/AppliedEventGuard,
-- facts/Rollups), a retraction un-counts its set in the same transaction, and a rebuild refills them
-- with its copies of the event tables. Every other number is still aggregated from set_fact.

-- One row per user with an applied event: what the summary says of the whole stream.
CREATE TABLE user_totals (
    user_id                 varchar(64) PRIMARY KEY,
    events_applied          bigint      NOT NULL,
    last_event_at           timestamptz NOT NULL,
    -- The user's most recently completed set (retracted or not), whose zone is "where they are now";
    -- null before their first set. Newer means (completed_at, set_id) greater, as the old query ordered.
    latest_set_completed_at timestamptz,
    latest_set_id           uuid,
    latest_timezone         varchar(64)
);

-- The counted (not retracted) sets of a user per local date and session: a session spanning midnight
-- has a row for each date. A row whose sets were all retracted stays with sets = 0 and counts nowhere.
CREATE TABLE session_day_totals (
    user_id        varchar(64) NOT NULL,
    local_date     date        NOT NULL,
    session_id     uuid        NOT NULL,
    sets           int         NOT NULL,
    reps           bigint      NOT NULL,
    hold_seconds   bigint      NOT NULL,
    -- Σ reps × loadKg, exact as the facts' sum would be.
    load_volume_kg numeric     NOT NULL,
    PRIMARY KEY (user_id, local_date, session_id)
);

-- An existing deployment's rollups, from its facts (the same rule as facts/Rollups' refill).
INSERT INTO user_totals (user_id, events_applied, last_event_at, latest_set_completed_at, latest_set_id, latest_timezone)
SELECT a.user_id, a.events_applied, a.last_event_at, l.completed_at, l.set_id, l.timezone
FROM (SELECT user_id, count(*) AS events_applied, max(event_time) AS last_event_at
      FROM applied_event GROUP BY user_id) a
LEFT JOIN (SELECT DISTINCT ON (user_id) user_id, completed_at, set_id, timezone
           FROM set_fact ORDER BY user_id, completed_at DESC, set_id DESC) l ON l.user_id = a.user_id;

INSERT INTO session_day_totals (user_id, local_date, session_id, sets, reps, hold_seconds, load_volume_kg)
SELECT user_id, local_date, session_id, count(*), coalesce(sum(reps), 0), coalesce(sum(duration_seconds), 0),
       coalesce(sum(reps * load_kg), 0)
FROM set_fact WHERE NOT retracted GROUP BY user_id, local_date, session_id;
