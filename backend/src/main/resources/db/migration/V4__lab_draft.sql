-- An instructor's unsaved work in the lab editor: one draft of a lab's lab.yaml per instructor and lab.
create table lab_draft (
    account_id uuid                     not null references account (id),
    lab_id     varchar(100)             not null,
    source     text                     not null,
    saved_at   timestamp with time zone not null,
    primary key (account_id, lab_id)
);
