-- A checkpoint of the sandbox (its whole state, written by the build that ran it) beside the journal:
-- a restore loads it and replays only the inputs after it. Null until a sandbox is first evicted,
-- and dropped when the journal is rewound before it; the journal alone always suffices.
alter table sandbox_snapshot add column checkpoint bytea;
alter table sandbox_snapshot add column checkpoint_entries integer;
alter table sandbox_snapshot add column checkpoint_time timestamp with time zone;
alter table sandbox_snapshot add column checkpoint_fingerprint bigint;
