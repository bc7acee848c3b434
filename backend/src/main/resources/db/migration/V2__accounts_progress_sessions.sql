-- Accounts, classrooms, lab attempts and their progress, and the sandboxes' saved state.
-- The same DDL runs on H2 and PostgreSQL (issue 13): uuid keys made by the app, timestamps with
-- time zone, varchar with explicit bounds, no vendor functions.

create table account (
    id            uuid                     not null primary key,
    username      varchar(100)             not null,
    password_hash varchar(100)             not null,
    role          varchar(20)              not null,
    created_at    timestamp with time zone not null,
    constraint account_username unique (username)
);

create table classroom (
    id            uuid                     not null primary key,
    name          varchar(200)             not null,
    join_code     varchar(20)              not null,
    instructor_id uuid                     not null references account (id),
    created_at    timestamp with time zone not null,
    constraint classroom_join_code unique (join_code)
);

create table classroom_member (
    id           uuid                     not null primary key,
    classroom_id uuid                     not null references classroom (id),
    account_id   uuid                     not null references account (id),
    joined_at    timestamp with time zone not null,
    constraint classroom_member_once unique (classroom_id, account_id)
);

-- One row per try at a lab; resetting the whole lab ends an attempt and starts the next.
create table lab_attempt (
    id           uuid                     not null primary key,
    account_id   uuid                     not null references account (id),
    lab_id       varchar(100)             not null,
    seed         bigint                   not null,
    started_at   timestamp with time zone not null,
    completed_at timestamp with time zone,
    ended_at     timestamp with time zone,
    version      bigint                   not null
);
create index lab_attempt_account_lab on lab_attempt (account_id, lab_id);

create table step_completion (
    id           uuid                     not null primary key,
    attempt_id   uuid                     not null references lab_attempt (id),
    step_id      varchar(100)             not null,
    completed_at timestamp with time zone not null,
    constraint step_completion_once unique (attempt_id, step_id)
);

create table check_run (
    id              uuid                     not null primary key,
    attempt_id      uuid                     not null references lab_attempt (id),
    step_id         varchar(100)             not null,
    ran_at          timestamp with time zone not null,
    sandbox_time    timestamp with time zone not null,
    duration_micros bigint                   not null,
    passed          boolean                  not null
);
create index check_run_attempt on check_run (attempt_id, ran_at);

create table check_result (
    check_run_id uuid          not null references check_run (id),
    position     integer       not null,
    check_id     varchar(200)  not null,
    passed       boolean       not null,
    message      varchar(4000) not null,
    primary key (check_run_id, position)
);

create table hint_use (
    id         uuid                     not null primary key,
    attempt_id uuid                     not null references lab_attempt (id),
    step_id    varchar(100)             not null,
    hint_index integer                  not null,
    used_at    timestamp with time zone not null,
    constraint hint_use_once unique (attempt_id, step_id, hint_index)
);

-- The terminal's scrollback, bounded by the app (the newest lines are kept).
create table terminal_line (
    id           uuid                     not null primary key,
    attempt_id   uuid                     not null references lab_attempt (id),
    seq          bigint                   not null,
    sandbox_time timestamp with time zone not null,
    line         varchar(4000)            not null,
    output       varchar(10000)           not null,
    exit_code    integer                  not null,
    constraint terminal_line_seq unique (attempt_id, seq)
);

-- The learner's files as the sandbox last held them, for the editor and the instructor pages.
create table workspace_file (
    id         uuid                     not null primary key,
    attempt_id uuid                     not null references lab_attempt (id),
    path       varchar(1024)            not null,
    content    varchar(1048576)         not null,
    saved_at   timestamp with time zone not null,
    constraint workspace_file_path unique (attempt_id, path)
);

-- V1's table was keyed by learner and lab; a snapshot now belongs to an attempt. Nothing wrote V1 rows.
drop table sandbox_snapshot;
create table sandbox_snapshot (
    attempt_id   uuid                     not null primary key references lab_attempt (id),
    state        bytea                    not null,
    entries      integer                  not null,
    sandbox_time timestamp with time zone not null,
    saved_at     timestamp with time zone not null,
    version      bigint                   not null
);

-- Bearer tokens for the real-client endpoints (Docker Engine API, Kubernetes API); only a hash is kept.
create table sandbox_token (
    token_hash varchar(64)              not null primary key,
    attempt_id uuid                     not null references lab_attempt (id),
    issued_at  timestamp with time zone not null,
    revoked_at timestamp with time zone
);
