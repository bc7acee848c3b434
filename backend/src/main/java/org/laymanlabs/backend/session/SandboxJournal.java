package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sandbox as its snapshot: where it came from (the lab, the seed, the instant its session
 * started) and every input since, up to the virtual instant {@code now}. Replaying it with
 * {@link SandboxReplay} rebuilds the sandbox exactly.
 *
 * @param format  the layout of this record, so a later release can still read old snapshots
 *                (1: shell lines, files, checks and steps; 2: also real clients' API requests)
 */
public record SandboxJournal(int format, String labId, long seed, Instant startTime, List<JournalEntry> entries,
                             Instant now) {

    public static final int FORMAT = 2;

    public SandboxJournal {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(now, "now");
        entries = List.copyOf(entries);
    }

    /** The oldest format that holds these entries: a journal without API requests is still format 1. */
    int oldestFormatThatHoldsIt() {
        return entries.stream().anyMatch(JournalEntry.ApiCalled.class::isInstance) ? 2 : 1;
    }

    SandboxJournal inFormat(int layout) {
        return new SandboxJournal(layout, labId, seed, startTime, entries, now);
    }

    /** A sandbox that nobody has touched yet. */
    public static SandboxJournal fresh(String labId, long seed, Instant startTime) {
        return new SandboxJournal(FORMAT, labId, seed, startTime, List.of(), startTime);
    }

    SandboxJournal with(JournalEntry entry) {
        List<JournalEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return new SandboxJournal(format, labId, seed, startTime, more, entry.at().isAfter(now) ? entry.at() : now);
    }

    SandboxJournal at(Instant instant) {
        return new SandboxJournal(format, labId, seed, startTime, entries, instant);
    }

    /**
     * The journal as it stood when the learner began {@code stepId}: everything before its
     * {@link JournalEntry.StepBegan} marker, or nothing at all for a step never marked (the first).
     */
    public SandboxJournal beforeStep(String stepId) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof JournalEntry.StepBegan began && began.stepId().equals(stepId)) {
                return new SandboxJournal(format, labId, seed, startTime, entries.subList(0, i + 1), began.at());
            }
        }
        return fresh(labId, seed, startTime);
    }

    /** Whether the learner has begun {@code stepId} (its marker is in the journal); the first step never is marked. */
    public boolean began(String stepId) {
        return entries.stream().anyMatch(e -> e instanceof JournalEntry.StepBegan began && began.stepId().equals(stepId));
    }

    /** The step the learner began last, if any was marked. */
    public Optional<String> lastStepBegun() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof JournalEntry.StepBegan began) {
                return Optional.of(began.stepId());
            }
        }
        return Optional.empty();
    }
}
