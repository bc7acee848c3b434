-- The bases checkpoints are compressed against (one per lab and seed, built by the server that
-- first evicted a sandbox of that lab), kept so that a checkpoint can be read after a restart or
-- by another replica: a base built again is not the same bytes. A snapshot names its checkpoint's
-- base, and a base no snapshot names any more is deleted when a new one is stored.
create table checkpoint_base (
    id         bigint                   not null primary key,
    lab_id     varchar(100)             not null,
    seed       bigint                   not null,
    base       bytea                    not null,
    stored_at  timestamp with time zone not null
);
alter table sandbox_snapshot add column checkpoint_base bigint;
create index sandbox_snapshot_checkpoint_base on sandbox_snapshot (checkpoint_base);
