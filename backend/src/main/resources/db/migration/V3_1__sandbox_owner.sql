-- Which replica holds each live sandbox (issue 13, scale-out). A replica renews its leases while it
-- runs; another may take a sandbox over once its lease expired, restoring it from its snapshot.
-- The same DDL runs on H2 and PostgreSQL. No foreign key: a lease outlives nothing, and ending an
-- attempt must not wait for a replica to let go of it.
create table sandbox_owner (
    attempt_id        uuid                     not null primary key,
    instance_id       varchar(200)             not null,
    acquired_at       timestamp with time zone not null,
    expires_at        timestamp with time zone not null,
    -- Another replica asks for the sandbox (its learner's requests now reach that replica): the
    -- holder saves it, drops it and deletes this row at its next heartbeat.
    handoff_to        varchar(200)
);
create index sandbox_owner_instance on sandbox_owner (instance_id);
