-- Program snapshots consumed from the compacted topic program-catalog: a session's programId must
-- name a program in here (else 422), checked without calling catalog-service.
create table program_replica (
    id          uuid primary key,
    slug        varchar(200) not null,
    name        varchar(300) not null,
    retired     boolean      not null,
    updated_at  timestamptz  not null,
    received_at timestamptz  not null
);
