package org.laymanlabs.backend.session;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a sandbox's state to the database after each input, and reads it back. One transaction
 * per save: the snapshot, the new scrollback lines (the oldest beyond the bound go) and the files
 * that changed.
 */
@Service
public class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    private final SandboxSnapshotRepository snapshots;
    private final TerminalLineRepository lines;
    private final WorkspaceFileRepository files;
    private final CheckpointBaseArchive bases;
    private final Clock clock;

    SessionStore(SandboxSnapshotRepository snapshots, TerminalLineRepository lines, WorkspaceFileRepository files,
                 CheckpointBaseArchive bases, ObjectProvider<Clock> clock) {
        this.snapshots = snapshots;
        this.lines = lines;
        this.files = files;
        this.bases = bases;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * {@code instant} as the database keeps it: its timestamps hold microseconds, while a sandbox's
     * clock that ran in real time has nanoseconds. What is compared with a stored time after it is
     * read back (a checkpoint's instant, a scrollback line's) is kept at this precision from the start.
     */
    static Instant asStored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    public void save(UUID attemptId, SandboxState state) {
        SandboxSnapshot snapshot = snapshots.findById(attemptId).orElseGet(() -> new SandboxSnapshot(attemptId));
        SandboxJournal journal = state.journal();
        snapshot.replace(SnapshotCodec.encode(journal), journal.entries().size(), journal.now(), clock.instant());
        snapshot.keepCheckpoint(state.checkpoint());
        snapshots.save(snapshot);
        saveHistory(attemptId, state.history());
        saveFiles(attemptId, state.files());
    }

    /**
     * Stores the base the state's checkpoint needs, if it has one, before the {@link #save} of the
     * checkpoint that names it. Outside the save's transaction, in one of its own: a save holds its
     * lease's row lock and a connection, and this one must wait for neither. A failure leaves the
     * save to go on.
     */
    public void keepBase(SandboxState state) {
        SandboxCheckpoint checkpoint = state.checkpoint();
        if (checkpoint == null) {
            return;
        }
        SandboxJournal journal = state.journal();
        CheckpointBases.byId(checkpoint.baseId()).ifPresent(base -> {
            try {
                bases.keep(journal.labId(), journal.seed(), base);
            } catch (DataAccessException | TransactionException e) {
                // Another server stored the same base a moment before, say: the checkpoint is kept,
                // and if its base is really missing, a restore after a restart replays the journal.
                log.info("The checkpoint base of lab {} was not stored now: {}", journal.labId(), e.getMessage());
            }
        });
    }

    private void saveHistory(UUID attemptId, List<HistoryLine> history) {
        long newest = history.isEmpty() ? 0 : history.get(history.size() - 1).seq();
        // Most inputs add one line to a history saved up to the line before: look there first.
        Long recent = lines.lastSeqFrom(attemptId, newest - 1);
        long stored = recent != null ? recent : lines.lastSeq(attemptId);
        if (newest < stored) {
            lines.deleteAll(attemptId);
            stored = 0;
        }
        for (HistoryLine line : history) {
            if (line.seq() > stored) {
                lines.save(new TerminalLine(attemptId, line));
            }
        }
        if (newest > TerminalHistory.MAX_LINES) { // lines count from 1: until then there is none to drop
            lines.deleteUpTo(attemptId, newest - TerminalHistory.MAX_LINES);
        }
    }

    private void saveFiles(UUID attemptId, Map<String, String> current) {
        Map<String, String> left = new HashMap<>(current);
        for (WorkspaceFile stored : files.findByAttemptIdOrderByPath(attemptId)) {
            String content = left.remove(stored.path());
            if (content == null) {
                files.delete(stored);
            } else if (!content.equals(stored.content())) {
                stored.replace(content, clock.instant());
                files.save(stored);
            }
        }
        left.forEach((path, content) -> files.save(new WorkspaceFile(attemptId, path, content, clock.instant())));
    }

    /** The saved journal, if this attempt's sandbox was ever saved. */
    @Transactional(readOnly = true)
    public Optional<SandboxJournal> journal(UUID attemptId) {
        return snapshots.findById(attemptId).map(s -> SnapshotCodec.decode(s.state()));
    }

    /** The saved sandbox to restore: its journal, and its checkpoint with the scrollback when it has one. */
    @Transactional(readOnly = true)
    public Optional<StoredSandbox> stored(UUID attemptId) {
        return snapshots.findById(attemptId).map(s -> {
            SandboxJournal journal = SnapshotCodec.decode(s.state());
            Optional<SandboxCheckpoint> checkpoint = s.checkpoint();
            checkpoint.ifPresent(c -> fetchBase(c.baseId()));
            return checkpoint.isEmpty() ? StoredSandbox.journalOnly(journal)
                    : new StoredSandbox(journal, checkpoint, history(attemptId));
        });
    }

    /** A checkpoint's base that this JVM does not hold (it was built by another, before a restart say), from the database. */
    private void fetchBase(long id) {
        if (id != 0 && CheckpointBases.byId(id).isEmpty()) {
            bases.find(id).ifPresent(CheckpointBases::adopt);
        }
    }

    @Transactional(readOnly = true)
    public List<HistoryLine> history(UUID attemptId) {
        return lines.findByAttemptIdOrderBySeq(attemptId).stream().map(TerminalLine::toHistoryLine).toList();
    }

    @Transactional(readOnly = true)
    public Map<String, String> files(UUID attemptId) {
        Map<String, String> byPath = new java.util.TreeMap<>();
        files.findByAttemptIdOrderByPath(attemptId).forEach(f -> byPath.put(f.path(), f.content()));
        return byPath;
    }

    /** Forgets an attempt's saved sandbox, as resetting the whole lab does. */
    @Transactional
    public void forget(UUID attemptId) {
        snapshots.deleteById(attemptId);
        lines.deleteAll(attemptId);
        files.deleteAll(attemptId);
    }
}
