package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;

/**
 * What a real client does through an API is journaled like what the learner types, so a restored
 * sandbox still has it. The dispatcher here stands in for an API package: it runs the body as a
 * shell line, which is deterministic, as an API's work must be.
 */
class ApiCallJournalTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Runs its body as a shell line; answers 201 with the output, or 409 when the line fails. */
    private static final class ShellApi implements ApiDispatcher {
        @Override
        public String api() {
            return "shell";
        }

        @Override
        public ApiResponse dispatch(Sandbox sandbox, ApiRequest request) {
            String line = new String(request.body(), StandardCharsets.UTF_8);
            if (line.equals("boom")) {
                throw new IllegalStateException("a bug in the API package");
            }
            CommandResult result = sandbox.shell().run(line);
            return new ApiResponse(result.exitCode() == 0 ? 201 : 409, Map.of("content-type", "text/plain"),
                    (result.stdout() + result.stderr()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private SandboxActor restore(SandboxJournal journal) {
        return SandboxActor.restore(journal, new ShellLab(), ApiDispatchers.of(List.of(new ShellApi())), pool, saved -> { });
    }

    private static ApiRequest post(String line) {
        return new ApiRequest("shell", "POST", "/run", Map.of("content-type", "text/plain"),
                line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRestoredSandboxHasWhatAClientDidThroughTheApi() {
        SandboxActor original = restore(SandboxJournal.fresh("demo", 7, START));
        ApiResponse created = original.call(post("docker run -d --name web nginx")).join();
        original.tick(Duration.ofSeconds(5));
        ApiResponse conflict = original.call(post("docker run -d --name web nginx")).join();

        SandboxActor restored = restore(SnapshotCodec.decode(SnapshotCodec.encode(original.journal().join())));

        assertThat(created.status()).isEqualTo(201);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(new String(conflict.body(), StandardCharsets.UTF_8)).contains("is already in use");
        assertThat(restored.journal().join()).isEqualTo(original.journal().join());
        assertThat(restored.run("docker ps -a --no-trunc").join()).isEqualTo(original.run("docker ps -a --no-trunc").join());
        assertThat(restored.run("docker ps --format '{{.Names}}'").join().stdout()).isEqualTo("web\n");
    }

    @Test
    void aDispatcherThatThrowsLeavesNoEntryAndTheSandboxAsItWas() {
        SandboxActor actor = restore(SandboxJournal.fresh("demo", 7, START));
        actor.call(post("docker network create shopnet")).join();
        int entries = actor.journal().join().entries().size();

        assertThatThrownBy(() -> actor.call(post("boom")).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(SandboxFailure.class);

        assertThat(actor.journal().join().entries()).hasSize(entries);
        assertThat(actor.run("docker network ls --format '{{.Name}}'").join().stdout()).contains("shopnet");
    }

    @Test
    void aJournalNamingAnApiThisServerDoesNotServeFailsToRestoreWithAClearReason() {
        SandboxActor original = restore(SandboxJournal.fresh("demo", 7, START));
        original.call(post("docker volume create data")).join();

        SandboxActor withoutApi = SandboxActor.restore(original.journal().join(), new ShellLab(), pool, saved -> { });

        assertThatThrownBy(() -> withoutApi.run("docker ps").join())
                .hasRootCauseMessage("this sandbox could not be restored from its snapshot "
                        + "(no 'shell' API is served here to replay 'shell POST /run'): reset the lab to start afresh");
    }

    @Test
    void credentialsNeverReachTheJournal() {
        assertThatThrownBy(() -> new ApiRequest("docker", "POST", "/containers/create",
                Map.of("Authorization", "Bearer secret"), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
