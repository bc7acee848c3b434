-- An admin can switch an account off without deleting its work; a disabled account cannot sign in.
alter table account add column disabled boolean default false not null;

-- The labs an instructor assigns to a classroom: its progress grid has a row per member and assigned lab.
create table classroom_lab (
    classroom_id uuid         not null references classroom (id),
    lab_id       varchar(100) not null,
    primary key (classroom_id, lab_id)
);
