-- Issue 10: progression rules per exercise (null when none) and the statements that are Footing's own
-- advice rather than the source's (JSON Pointers into the exercise's JSON; empty when all is the source's).
alter table exercise add column progression jsonb;
alter table exercise add column own_advice text[] not null default '{}';
