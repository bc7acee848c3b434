package org.laymanlabs.backend.workspace;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.laymanlabs.backend.session.HistoryLine;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.vfs.FileSystemException;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * The workspace's sandbox as a learner's session actor: lines, Ctrl-C and saves are inputs, which
 * the actor journals before it answers; files, the map and completion are queries, which change
 * nothing. The actor is looked up for every call, so the workspace never holds one that the session
 * registry has since saved and dropped, and each call counts as the learner being active, which
 * keeps the sandbox's clock running while the page is open.
 */
final class SessionLabSandbox implements LabSandbox {

    /** The help texts every sandbox shares, read once in a sandbox of their own (see {@link Completer}). */
    private static volatile Completer.Vocabulary vocabulary;

    private final Supplier<SandboxActor> actor;

    SessionLabSandbox(Supplier<SandboxActor> actor) {
        this.actor = actor;
    }

    @Override
    public CompletableFuture<Void> ready() {
        return actor.get().query(sandbox -> null);
    }

    @Override
    public TerminalLine start(String line, TerminalOutput out) {
        SandboxActor running = actor.get();
        CompletableFuture<Integer> finished = running
                .start(line, (stream, text) -> out.write(text, stream == OutputChunk.Stream.STDERR))
                .thenApply(result -> result.exitCode());
        // Queued behind the line's end, so it reads the prompt the line left (a container's shell, or bash's again).
        CompletableFuture<String> prompt = finished.thenCompose(status -> running.query(sandbox -> sandbox.shell().prompt()));
        return new TerminalLine() {
            @Override
            public CompletableFuture<Integer> finished() {
                return finished;
            }

            @Override
            public CompletableFuture<String> prompt() {
                return prompt;
            }

            @Override
            public void interrupt() {
                running.interrupt();
            }
        };
    }

    @Override
    public String prompt() {
        return query(sandbox -> sandbox.shell().prompt());
    }

    @Override
    public void interrupt() {
        await(actor.get().interrupt());
    }

    @Override
    public void detach() {
        await(actor.get().detach());
    }

    @Override
    public List<HistoryLine> scrollback() {
        return await(actor.get().history());
    }

    @Override
    public Completion complete(String line) {
        return query(sandbox -> new Completer(vocabulary(), sandbox).complete(line));
    }

    @Override
    public List<String> files() {
        return query(sandbox -> WorkspaceFiles.list(sandbox.workspace()));
    }

    @Override
    public Optional<String> read(String path) {
        return query(sandbox -> WorkspaceFiles.read(sandbox.workspace(), path));
    }

    @Override
    public void save(String path, String text) {
        String absolute = WorkspaceFiles.absolute(Workspace.HOME, path);
        try {
            await(actor.get().writeFile(absolute, text));
        } catch (FileSystemException e) {
            throw new IllegalArgumentException("cannot save " + path + ": " + e.reason().text(), e);
        }
    }

    @Override
    public List<ManifestProblem> check(String path, String text) {
        return path.endsWith(".yaml") || path.endsWith(".yml") ? ManifestCheck.check(text) : List.of();
    }

    @Override
    public ClusterPicture picture() {
        return query(Pictures::of);
    }

    @Override
    public String inspect(MapElement element) {
        return query(sandbox -> Inspector.inspect(sandbox, element));
    }

    private <T> T query(Function<Sandbox, T> query) {
        return await(actor.get().query(query));
    }

    static Completer.Vocabulary vocabulary() {
        if (vocabulary == null) {
            synchronized (SessionLabSandbox.class) {
                if (vocabulary == null) {
                    vocabulary = Completer.Vocabulary.readFrom(Sandbox.create(SandboxSpec.defaults(java.time.Instant.EPOCH)));
                }
            }
        }
        return vocabulary;
    }

    /** The actor's answer, or the learner-facing reason it refused, unwrapped. */
    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
