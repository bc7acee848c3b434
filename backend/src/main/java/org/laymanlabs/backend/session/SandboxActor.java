package org.laymanlabs.backend.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * One sandbox as an actor (DESIGN.md, "One thread at a time"): every command, clock tick and
 * query runs as a task in its {@link Mailbox}, one after another, so two browser tabs, the REST
 * API and a real client can all send work and await the answer. Every input is also written to
 * its {@link SandboxJournal}, which is its snapshot; {@code onInput} hears of each one, in order and
 * with the resulting state, before the caller gets its answer, so an acknowledged input is one that
 * was saved.
 */
public final class SandboxActor {

    /** Past this many inputs a sandbox takes no more: its snapshot and its replay must stay small. */
    static final int MAX_JOURNAL_ENTRIES = 20_000;

    private final Mailbox mailbox;
    private final LabSandboxes labs;
    private final Consumer<SandboxState> onInput;
    private final Replay state;
    private volatile CommandRate rate = CommandRate.unlimited();

    private SandboxActor(Executor pool, LabSandboxes labs, ApiDispatchers apis, Consumer<SandboxState> onInput) {
        this.mailbox = new Mailbox(pool);
        this.labs = labs;
        this.onInput = onInput;
        this.state = new Replay(labs, apis);
    }

    /** An actor whose first task rebuilds the sandbox from {@code journal}; callers queue behind it. */
    public static SandboxActor restore(SandboxJournal journal, LabSandboxes labs, Executor pool,
                                       Consumer<SandboxState> onInput) {
        return restore(journal, labs, ApiDispatchers.none(), pool, onInput);
    }

    /** As {@link #restore(SandboxJournal, LabSandboxes, Executor, Consumer)}, serving real clients' requests through {@code apis}. */
    public static SandboxActor restore(SandboxJournal journal, LabSandboxes labs, ApiDispatchers apis, Executor pool,
                                       Consumer<SandboxState> onInput) {
        return restore(StoredSandbox.journalOnly(journal), labs, apis, pool, onInput);
    }

    /** An actor whose first task restores the sandbox {@code stored} holds, from its checkpoint when it has one that fits. */
    public static SandboxActor restore(StoredSandbox stored, LabSandboxes labs, Executor pool,
                                       Consumer<SandboxState> onInput) {
        return restore(stored, labs, ApiDispatchers.none(), pool, onInput);
    }

    /** As {@link #restore(StoredSandbox, LabSandboxes, Executor, Consumer)}, serving real clients' requests through {@code apis}. */
    public static SandboxActor restore(StoredSandbox stored, LabSandboxes labs, ApiDispatchers apis, Executor pool,
                                Consumer<SandboxState> onInput) {
        SandboxActor actor = new SandboxActor(pool, labs, apis, onInput);
        actor.mailbox.execute(() -> actor.state.restore(stored));
        return actor;
    }

    /** From now on takes lines (and check runs) at most at {@code limit}; past it they are refused, not run or journaled. */
    SandboxActor limitingCommands(CommandRate limit) {
        this.rate = limit;
        return this;
    }

    /**
     * From now on runs within {@code max} of CPU time per period (docs/security.md, "CPU"): past it,
     * its queued work waits for the next period while other sandboxes run, and its answers come
     * later but the same.
     */
    SandboxActor limitingCpu(CpuMax max, CpuClock clock) {
        mailbox.limit(new CpuBandwidth(max, clock.nanoTime()), clock);
        return this;
    }

    /** Whether this sandbox used up its CPU quota and its work waits for the next period. */
    boolean throttled() {
        return mailbox.throttled();
    }

    /** Its CPU time and throttling so far, or null when its CPU is not limited. */
    CpuStat cpuStat() {
        return mailbox.cpuStat();
    }

    /** Runs a line to its end, as the REST API and scripts type: nothing is followed. */
    public CompletableFuture<CommandResult> run(String line) {
        return input(at -> new JournalEntry.Typed(at, line), OutputSink.DISCARD);
    }

    /**
     * Starts a line from a terminal; its output goes to {@code sink} on the sandbox's thread as it
     * is written, and the future completes when it ends, which for {@code docker logs -f} is after
     * clock ticks or an {@link #interrupt}.
     */
    public CompletableFuture<CommandResult> start(String line, OutputSink sink) {
        CompletableFuture<CompletableFuture<CommandResult>> started =
                input(at -> new JournalEntry.Started(at, line), sink);
        return started.thenCompose(Function.identity());
    }

    public CompletableFuture<Void> interrupt() {
        return input(JournalEntry.Interrupted::new, OutputSink.DISCARD);
    }

    public CompletableFuture<Void> detach() {
        return input(JournalEntry.Detached::new, OutputSink.DISCARD);
    }

    /** Saves a file from the editor, making its folders; a bad path fails with the shell's error. */
    public CompletableFuture<Void> writeFile(String path, String content) {
        return input(at -> new JournalEntry.FileWritten(at, path, content), OutputSink.DISCARD);
    }

    public CompletableFuture<Void> removeFile(String path) {
        return input(at -> new JournalEntry.FileRemoved(at, path), OutputSink.DISCARD);
    }

    /**
     * Serves a real client's request that changes the sandbox (DESIGN.md, "Real clients"): it is
     * journaled like a typed line, so a restored sandbox has what docker or kubectl did. An error
     * response (404, 409) is journaled too, since replay answers it the same way; a dispatcher
     * that throws leaves no entry and the sandbox as it was.
     */
    public CompletableFuture<ApiResponse> call(ApiRequest request) {
        return input(at -> new JournalEntry.ApiCalled(at, request), OutputSink.DISCARD);
    }

    /** Runs a step's checks through the grader, on the sandbox's thread. */
    public CompletableFuture<List<LabSandboxes.CheckOutcome>> check(String stepId) {
        return input(at -> new JournalEntry.Graded(at, stepId), OutputSink.DISCARD);
    }

    /** Marks where a step begins, so that resetting the step comes back here. */
    public CompletableFuture<Void> beginStep(String stepId) {
        return input(at -> new JournalEntry.StepBegan(at, stepId), OutputSink.DISCARD);
    }

    /** Moves the sandbox's clock on, as the server does in real time while the learner is active. */
    public CompletableFuture<Void> tick(Duration elapsed) {
        return submit(() -> {
            state.sandbox();
            try {
                state.advance(elapsed);
            } catch (RuntimeException e) {
                // A bug, or a loop the event loop's budget stopped: contained to this sandbox, which stops until reset.
                throw state.fail(e);
            }
            return null;
        });
    }

    /** Reads the sandbox on its own thread; {@code query} must not change it, since queries are not journaled. */
    public <T> CompletableFuture<T> query(Function<Sandbox, T> query) {
        return submit(() -> query.apply(state.sandbox()));
    }

    /** The snapshot: the journal up to the sandbox's present instant. */
    public CompletableFuture<SandboxJournal> journal() {
        return submit(() -> {
            state.sandbox();
            return state.journal();
        });
    }

    public CompletableFuture<List<HistoryLine>> history() {
        return submit(state::history);
    }

    /** The state as it would be saved now, with the journal up to the present instant. */
    public CompletableFuture<SandboxState> state() {
        return submit(state::state);
    }

    /** The state to save as the sandbox leaves memory: with a checkpoint of it, when it can have one now. */
    public CompletableFuture<SandboxState> stateToEvict() {
        return submit(state::stateWithCheckpoint);
    }

    /** Whether its last restore loaded a checkpoint instead of replaying its whole journal. */
    public CompletableFuture<Boolean> restoredFromCheckpoint() {
        return submit(state::restoredFromCheckpoint);
    }

    /** Throws the sandbox away and rebuilds it from {@code journal}: resetting a step or the lab. */
    public CompletableFuture<Void> resetTo(SandboxJournal journal) {
        return submit(() -> {
            state.replay(journal);
            onInput.accept(state.state());
            return null;
        });
    }

    private <T> CompletableFuture<T> submit(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, mailbox);
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> input(Function<Instant, JournalEntry> entryAtNow, OutputSink sink) {
        return submit(() -> {
            state.sandbox();
            if (state.journal().entries().size() >= MAX_JOURNAL_ENTRIES) {
                throw new IllegalStateException("this sandbox has taken " + MAX_JOURNAL_ENTRIES
                        + " inputs, its limit: reset the lab to go on");
            }
            JournalEntry entry = entryAtNow.apply(state.sandbox().clock().now());
            if (entry instanceof JournalEntry.Typed || entry instanceof JournalEntry.Started
                    || entry instanceof JournalEntry.Graded) {
                rate.take();
            }
            Object answer;
            try {
                answer = state.apply(entry, sink);
            } catch (FileSystemException | InputRejected e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                // A stack overflow is a bug or an input too deep for a parser: contained like any other
                // failure, so the sandbox goes back to its journal's state rather than keep half an input.
                state.replay(state.journal());
                throw new SandboxFailure(describe(entry), e);
            }
            state.record(entry);
            onInput.accept(state.state());
            return (T) answer;
        });
    }

    private static String describe(JournalEntry entry) {
        if (entry instanceof JournalEntry.Typed typed) {
            return typed.line();
        }
        if (entry instanceof JournalEntry.Started started) {
            return started.line();
        }
        if (entry instanceof JournalEntry.ApiCalled called) {
            return called.request().toString();
        }
        return entry.getClass().getSimpleName();
    }

    /** For the session registry: the labs this actor builds sandboxes with. */
    LabSandboxes labs() {
        return labs;
    }
}
