package org.laymanlabs.backend.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.checkpoint.CheckpointBase;
import org.laymanlabs.sandbox.checkpoint.CheckpointRefused;
import org.laymanlabs.sandbox.checkpoint.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * A sandbox together with the journal that built it, touched only from its actor's mailbox. The
 * same {@link #apply} serves live inputs and replayed ones, which is what makes a restored
 * sandbox the same sandbox.
 */
final class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    /** How long a checkpoint waits for writes in flight to commit: 100 steps of 10 ms, a virtual second. */
    private static final int IN_FLIGHT_TRIES = 100;
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(10);

    private final LabSandboxes labs;
    private final ApiDispatchers apis;
    private Sandbox sandbox;
    private SandboxJournal journal;
    private TerminalHistory history;
    private Foreground foreground;
    /** Why the last replay failed, for every caller after it; null when the sandbox is whole. */
    private String replayFailure;
    private SandboxFailure failure;
    private boolean restoredFromCheckpoint;

    /** The line a terminal started and that has not ended yet. */
    private record Foreground(Instant at, String prompt, String line, RunningCommand running, CompletableFuture<CommandResult> done) {
    }

    Replay(LabSandboxes labs, ApiDispatchers apis) {
        this.labs = labs;
        this.apis = apis;
    }

    /**
     * Restores the sandbox {@code stored} holds: from its checkpoint and the inputs after it when the
     * checkpoint fits the journal and this build can read it, else by replaying the journal whole.
     * Either way the sandbox is the same (CheckpointRestoreTest); only the time it takes differs.
     */
    void restore(StoredSandbox stored) {
        Optional<SandboxCheckpoint> checkpoint = stored.checkpoint().filter(c -> c.fits(stored.journal()));
        if (checkpoint.isPresent()) {
            try {
                resume(checkpoint.get(), stored);
                restoredFromCheckpoint = true;
                log.debug("Restored a {} sandbox from its checkpoint of {} inputs, and {} after it",
                        stored.journal().labId(), checkpoint.get().entries(), stored.journal().entries().size() - checkpoint.get().entries());
                return;
            } catch (CheckpointRefused e) {
                log.info("Replaying the journal of a {} sandbox instead of restoring its checkpoint: {}",
                        stored.journal().labId(), e.getMessage());
            }
        }
        replay(stored.journal());
    }

    private void resume(SandboxCheckpoint checkpoint, StoredSandbox stored) {
        SandboxJournal from = stored.journal();
        long baseId = checkpoint.baseId();
        Sandbox restored = Checkpoints.restore(checkpoint.bytes(),
                baseId == 0 ? null : CheckpointBases.byId(baseId).orElseGet(() -> base(from)));
        if (!SessionStore.asStored(restored.clock().now()).equals(checkpoint.sandboxTime())) {
            throw new CheckpointRefused("the checkpoint's sandbox is at " + restored.clock().now() + ", not at "
                    + checkpoint.sandboxTime() + " as stored");
        }
        List<JournalEntry> entries = from.entries();
        sandbox = restored;
        replayFailure = null;
        failure = null;
        foreground = null;
        // The inputs after the checkpoint are replayed into a scratch scrollback: the saved one
        // already has their lines, and those of the inputs before it, which are not replayed.
        history = new TerminalHistory();
        journal = new SandboxJournal(SandboxJournal.FORMAT, from.labId(), from.seed(), from.startTime(),
                entries.subList(0, checkpoint.entries()), restored.clock().now());
        try {
            for (JournalEntry entry : entries.subList(checkpoint.entries(), entries.size())) {
                advanceTo(entry.at());
                apply(entry, OutputSink.DISCARD);
            }
            advanceTo(from.now());
        } catch (RuntimeException e) {
            sandbox = null;
            replayFailure = e.getMessage();
            throw e;
        }
        history = TerminalHistory.of(stored.history());
        journal = new SandboxJournal(SandboxJournal.FORMAT, from.labId(), from.seed(), from.startTime(), entries,
                sandbox.clock().now());
    }

    /**
     * The sandbox's checkpoint at the journal's present, for an eviction: none while a command is
     * still running in the terminal (its output goes to a browser that a checkpoint cannot hold), nor
     * when some part of the sandbox cannot be written now; the journal alone then restores it.
     */
    Optional<SandboxCheckpoint> checkpoint() {
        if (sandbox == null || failure != null || foreground != null || !Checkpoints.available()) {
            return Optional.empty();
        }
        CheckpointBase base = base(journal);
        // A query may have moved the clock since the last input (a command a page runs to draw the
        // map sends packets, which take time): the checkpoint is of the sandbox at its clock's instant.
        journal = journal.at(sandbox.clock().now());
        for (int attempt = 0; ; attempt++) {
            try {
                byte[] bytes = Checkpoints.save(sandbox, base);
                // Read back before it is trusted, off the learner's path: a sandbox whose graph cannot be
                // read is then saved with its journal alone.
                Checkpoints.restore(bytes, base);
                return Optional.of(SandboxCheckpoint.of(bytes, journal));
            } catch (CheckpointRefused e) {
                if (e.workInFlight() && attempt < IN_FLIGHT_TRIES && movedOn()) {
                    continue;
                }
                log.info("No checkpoint for a {} sandbox at {}: {}", journal.labId(), journal.now(), e.getMessage());
                return Optional.empty();
            }
        }
    }

    /**
     * An etcd write commits within milliseconds of virtual time (controllers follow a learner's
     * command with writes of their own): the idle sandbox's clock moves on that little, as the
     * journal records, rather than go without a checkpoint. A sandbox that fails on its way (its
     * event loop throws) is saved as it stands, with its journal alone.
     */
    private boolean movedOn() {
        try {
            advance(IN_FLIGHT_WAIT);
            return true;
        } catch (RuntimeException e) {
            log.info("No checkpoint for a {} sandbox: its clock could not move on ({})", journal.labId(), e.getMessage());
            return false;
        }
    }

    /** The lab's base to compress against; a lab whose sandbox cannot be built (or checkpointed) has none. */
    private CheckpointBase base(SandboxJournal of) {
        try {
            return CheckpointBases.forLab(labs, of.labId(), of.seed());
        } catch (RuntimeException e) {
            log.info("No checkpoint base for lab {}: {}", of.labId(), e.getMessage());
            return null;
        }
    }

    /** Whether the last restore loaded a checkpoint rather than replaying the whole journal. */
    boolean restoredFromCheckpoint() {
        return restoredFromCheckpoint;
    }

    /** Builds the sandbox afresh and runs every input again at its instant, then moves to the journal's present. */
    void replay(SandboxJournal from) {
        restoredFromCheckpoint = false;
        sandbox = null;
        replayFailure = null;
        failure = null;
        List<JournalEntry> entries = from.entries();
        int applied = -1;
        Instant lastAt = from.startTime();
        try {
            Sandbox rebuilt = labs.create(from.labId(), from.seed(), from.startTime());
            sandbox = rebuilt;
            history = new TerminalHistory();
            foreground = null;
            journal = SandboxJournal.fresh(from.labId(), from.seed(), from.startTime());
            applied = 0;
            for (JournalEntry entry : entries) {
                advanceTo(entry.at());
                apply(entry, OutputSink.DISCARD);
                applied++;
                lastAt = entry.at().isAfter(lastAt) ? entry.at() : lastAt;
            }
            advanceTo(from.now());
        } catch (RuntimeException e) {
            // Half a replay is not the learner's sandbox: refuse to serve it rather than serve it wrong.
            sandbox = null;
            replayFailure = e.getMessage();
            throw e;
        } finally {
            if (applied >= 0) {
                // The journal of what was replayed, made once: adding the entries one by one copied
                // the list at each, which for a long session's thousands of inputs cost more than the inputs.
                journal = new SandboxJournal(SandboxJournal.FORMAT, from.labId(), from.seed(), from.startTime(),
                        entries.subList(0, applied), lastAt);
            }
        }
        journal = journal.at(sandbox.clock().now());
    }

    void record(JournalEntry entry) {
        journal = journal.with(entry).at(sandbox.clock().now());
    }

    /** Applies one input at the present instant and returns its answer (a result, outcomes, or nothing). */
    Object apply(JournalEntry entry, OutputSink sink) {
        Object answer = switchOn(entry, sink);
        settleForeground();
        return answer;
    }

    private Object switchOn(JournalEntry entry, OutputSink sink) {
        if (entry instanceof JournalEntry.Typed typed) {
            requireNoForeground();
            String prompt = sandbox.shell().prompt();
            CommandResult result = sandbox.shell().run(typed.line());
            history.add(typed.at(), prompt, typed.line(), result);
            return result;
        }
        if (entry instanceof JournalEntry.Started started) {
            requireNoForeground();
            CompletableFuture<CommandResult> done = new CompletableFuture<>();
            String prompt = sandbox.shell().prompt();
            foreground = new Foreground(started.at(), prompt, started.line(), sandbox.shell().start(started.line(), sink), done);
            return done;
        }
        if (entry instanceof JournalEntry.Interrupted) {
            if (foreground != null) {
                foreground.running().interrupt();
            }
            return null;
        }
        if (entry instanceof JournalEntry.Detached) {
            if (foreground != null) {
                foreground.running().detach();
            }
            return null;
        }
        if (entry instanceof JournalEntry.FileWritten written) {
            write(sandbox.workspace(), written.path(), written.content());
            return null;
        }
        if (entry instanceof JournalEntry.FileRemoved removed) {
            sandbox.workspace().remove(removed.path(), true);
            return null;
        }
        if (entry instanceof JournalEntry.ApiCalled called) {
            return apis.forRequest(called.request()).dispatch(sandbox, called.request());
        }
        if (entry instanceof JournalEntry.Graded graded) {
            return labs.check(journal.labId(), graded.stepId(), sandbox);
        }
        if (entry instanceof JournalEntry.StepBegan began) {
            // The step's starter files and faults, live and on every replay of its marker.
            labs.beginStep(journal.labId(), began.stepId(), sandbox);
        }
        return null;
    }

    /** Writes a file as an editor saves it, making its folders; if the write fails, the folders go again. */
    private static void write(Workspace files, String path, String content) {
        String firstMissing = null;
        for (String dir = parentOf(path); !files.exists(dir); dir = parentOf(dir)) {
            firstMissing = dir;
        }
        if (firstMissing != null) {
            files.mkdir(parentOf(path), true);
        }
        try {
            files.write(path, content);
        } catch (RuntimeException e) {
            if (firstMissing != null) {
                files.remove(firstMissing, true);
            }
            throw e;
        }
    }

    private void requireNoForeground() {
        if (foreground != null) {
            throw new InputRejected("'" + foreground.line() + "' is still running in the terminal: "
                    + "press Ctrl-C to stop it, or wait until it ends");
        }
    }

    void advance(Duration by) {
        sandbox().clock().advance(by);
        settleForeground();
        journal = journal.at(sandbox.clock().now());
    }

    private void advanceTo(Instant instant) {
        Instant now = sandbox.clock().now();
        if (instant.isAfter(now)) {
            sandbox.clock().advance(Duration.between(now, instant));
            settleForeground();
        }
    }

    /** A terminal's line that has ended goes into the history, and its caller hears the result. */
    private void settleForeground() {
        if (foreground != null && foreground.running().isFinished()) {
            CommandResult result = foreground.running().result();
            history.add(foreground.at(), foreground.prompt(), foreground.line(), result);
            foreground.done().complete(result);
            foreground = null;
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        if (!path.startsWith("/") || slash < 0) {
            throw new InputRejected(path + ": a workspace path must be absolute, e.g. " + Workspace.HOME + "/web.yaml");
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /**
     * The sandbox threw inside its own event loop (a controller, a timer): it is left half-way
     * through, so it is dropped until a reset rebuilds it. Its journal, saved input by input, stays.
     */
    SandboxFailure fail(RuntimeException cause) {
        sandbox = null;
        failure = new SandboxFailure(cause, "this sandbox stopped on an internal error in its event loop, after "
                + journal.now() + ": " + cause.getMessage() + "; reset the step or the lab to go on");
        return failure;
    }

    Sandbox sandbox() {
        if (failure != null) {
            throw failure;
        }
        if (sandbox == null) {
            throw new IllegalStateException("this sandbox could not be restored from its snapshot"
                    + (replayFailure == null ? "" : " (" + replayFailure + ")") + ": reset the lab to start afresh");
        }
        return sandbox;
    }

    SandboxJournal journal() {
        return journal;
    }

    List<HistoryLine> history() {
        return history.lines();
    }

    /** The journal, the scrollback and the learner's files, as they are saved after an input. */
    SandboxState state() {
        Workspace files = sandbox.workspace();
        Map<String, String> contents = new TreeMap<>();
        for (String relative : files.filesUnder(Workspace.HOME)) {
            String path = Workspace.HOME + "/" + relative;
            contents.put(path, files.read(path));
        }
        return new SandboxState(journal, history.lines(), contents);
    }

    /**
     * The state to save when the sandbox leaves memory: with its checkpoint, when it can have one.
     * The checkpoint comes first, as it may move the clock a few milliseconds (see checkpoint).
     */
    SandboxState stateWithCheckpoint() {
        SandboxCheckpoint taken = checkpoint().orElse(null);
        SandboxState plain = state();
        return new SandboxState(plain.journal(), plain.history(), plain.files(), taken);
    }
}
