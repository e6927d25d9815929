-- Who a user has shared their stats with (read-only): set through the API, not the topic, so
-- a rebuild leaves it alone (the rebuild swaps only the event tables of V1).
CREATE TABLE viewer_share (
    user_id   varchar(64) NOT NULL,
    viewer_id varchar(64) NOT NULL,
    shared_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, viewer_id),
    CHECK (user_id <> viewer_id)
);
-- GET /api/me/athletes reads by viewer.
CREATE INDEX viewer_share_viewer ON viewer_share (viewer_id, user_id);
