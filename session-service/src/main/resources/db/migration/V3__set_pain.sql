-- Pain during a set, 0-10 (Silbernagel's pain-monitoring scale; docs/architecture.md §9). Optional:
-- null when the client did not report it, as for every set logged before the column existed.
alter table workout_set add column pain smallint check (pain between 0 and 10);
