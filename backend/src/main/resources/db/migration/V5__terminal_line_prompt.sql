-- The prompt each scrollback line was typed at (a container's shell's during docker exec -it), so that
-- a terminal restored after a server restart shows it; null for lines stored before this column.
alter table terminal_line add column prompt varchar(300);
