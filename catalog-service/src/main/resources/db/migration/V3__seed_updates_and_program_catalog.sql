-- Issue 10.
-- seeded_from: the fingerprint of the seed entry that last wrote the exercise; null once an admin changed
-- it. On start the seeder rewrites a seeded exercise whose fingerprint differs from the current seed's,
-- and leaves admin-changed ones alone. Rows that have not changed since the seeder created them (their
-- update time within a second of their creation) are marked as written by an earlier seed, so existing
-- databases receive the corrected content; edited and retired rows stay as the admin left them.
alter table exercise add column seeded_from varchar(64);
update exercise set seeded_from = 'seed-before-v3' where updated_at < created_at + interval '1 second';

-- The article's frequency as a number where it gives one ("once a week" -> 1).
alter table program add column sessions_per_week int check (sessions_per_week between 1 and 14);

-- One outbox for both catalog topics: rows are sent in id order, each to the topic it names, keyed by
-- the exercise or program id.
alter table exercise_outbox rename to catalog_outbox;
alter table catalog_outbox rename column exercise_id to record_key;
alter table catalog_outbox add column topic varchar(40) not null default 'exercise-catalog';
alter table catalog_outbox alter column topic drop default;
alter index exercise_outbox_pending rename to catalog_outbox_pending;

-- ownAdvice as JSON: a text[] cannot be trusted with the pointer "" (the whole exercise), which the
-- driver writes as an empty array literal.
alter table exercise alter column own_advice drop default;
alter table exercise alter column own_advice type jsonb using to_jsonb(own_advice);
alter table exercise alter column own_advice set default '[]'::jsonb;
