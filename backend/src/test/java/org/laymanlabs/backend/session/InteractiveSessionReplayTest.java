package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;

/**
 * A shell opened in a container with {@code docker exec -it} is made of the lines typed into it,
 * which the journal already holds in order: a restored sandbox is back in the same session, at
 * the same prompt, with the same state inside.
 */
class InteractiveSessionReplayTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final List<SandboxState> saved = new ArrayList<>();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SandboxActor restore(SandboxJournal journal) {
        return SandboxActor.restore(journal, new ShellLab(), pool, saved::add);
    }

    private static CommandResult typed(SandboxActor actor, String line) {
        return actor.start(line, OutputSink.DISCARD).join();
    }

    private static String prompt(SandboxActor actor) {
        return actor.query(sandbox -> sandbox.shell().prompt()).join();
    }

    @Test
    void aJournalWithAnOpenSessionRestoresToTheSamePromptAndState() {
        SandboxActor live = restore(SandboxJournal.fresh("demo", 42, START));
        typed(live, "docker run -d --name web nginx:alpine");
        typed(live, "docker exec -it web sh");
        typed(live, "cd /usr/share/nginx/html");
        typed(live, "GREETING=hello");
        live.run("echo hi > /tmp/x").join();
        assertThat(prompt(live)).isEqualTo("/usr/share/nginx/html # ");

        SandboxActor restored = restore(live.journal().join());

        assertThat(prompt(restored)).isEqualTo("/usr/share/nginx/html # ");
        assertThat(typed(restored, "echo $GREETING; cat /tmp/x; pwd").stdout())
                .isEqualTo("hello\nhi\n/usr/share/nginx/html\n");
        CommandResult exited = typed(restored, "exit 2");
        assertThat(exited.exitCode()).isEqualTo(2);
        assertThat(prompt(restored)).isEqualTo("learner@laptop:~$ ");
        assertThat(typed(restored, "docker exec web cat /tmp/x").stdout()).isEqualTo("hi\n");
    }

    @Test
    void theScrollbackKeepsTheLinesTypedInsideWithTheirPromptAndOutput() {
        SandboxActor live = restore(SandboxJournal.fresh("demo", 42, START));
        typed(live, "docker run -d --name web nginx:alpine");
        typed(live, "docker exec -it web sh");
        typed(live, "echo inside");

        SandboxActor restored = restore(live.journal().join());

        assertThat(restored.history().join()).extracting(HistoryLine::prompt, HistoryLine::line, HistoryLine::output).endsWith(
                org.assertj.core.groups.Tuple.tuple("learner@laptop:~$ ", "docker exec -it web sh", ""),
                org.assertj.core.groups.Tuple.tuple("/ # ", "echo inside", "inside\n"));
    }
}
