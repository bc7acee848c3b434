-- One saved sandbox per learner and lab. The same DDL runs on H2 and PostgreSQL.
create table sandbox_snapshot (
    id       uuid                     not null primary key,
    owner    varchar(100)             not null,
    lab_id   varchar(100)             not null,
    state    bytea                    not null,
    saved_at timestamp with time zone not null,
    version  bigint                   not null,
    constraint sandbox_snapshot_owner_lab unique (owner, lab_id)
);
