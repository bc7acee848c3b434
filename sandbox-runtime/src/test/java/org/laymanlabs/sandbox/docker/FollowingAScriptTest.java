package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.RunningCommand;

@DisplayName("Following a container whose sh -c script runs step by step on the clock")
class FollowingAScriptTest {

    private final LaptopSandbox laptop = new LaptopSandbox();
    private final CommandResult.Builder screen = CommandResult.builder();

    @BeforeEach
    void pullBusybox() {
        laptop.ok("docker pull busybox");
    }

    private RunningCommand start(String line) {
        return laptop.sandbox.shell().start(line, screen);
    }

    private static OutputChunk out(String text) {
        return new OutputChunk(OutputChunk.Stream.STDOUT, text);
    }

    private static OutputChunk err(String text) {
        return new OutputChunk(OutputChunk.Stream.STDERR, text);
    }

    @Test
    void logsFollowShowsTheLineAfterTheSleepWhenTheClockReachesItThenEnds() {
        laptop.ok("docker run -d --name ab busybox sh -c 'echo a; sleep 2; echo b'");
        RunningCommand logs = start("docker logs -f ab");
        assertThat(screen.build(0).terminal()).isEqualTo("a\n");

        laptop.advance(Duration.ofMillis(1999));
        assertThat(screen.build(0).terminal()).isEqualTo("a\n");
        assertThat(logs.isFinished()).isFalse();
        laptop.advance(Duration.ofMillis(1));

        assertThat(logs.result()).isEqualTo(CommandResult.ok("a\nb\n"));
    }

    @Test
    void anAttachedRunShowsEachStepsStreamsInTheOrderWrittenAndEndsWithTheScriptsStatus() {
        RunningCommand run = start("docker run --name talk busybox sh -c 'echo one; nope; sleep 1; echo two >&2; echo three; exit 3'");
        assertThat(screen.build(0).output()).containsExactly(out("one\n"), err("sh: nope: not found\n"));
        assertThat(run.isFinished()).isFalse();

        laptop.advance(Duration.ofSeconds(1));

        assertThat(run.result()).isEqualTo(new CommandResult(List.of(out("one\n"),
                err("sh: nope: not found\ntwo\n"), out("three\n")), 3));
        assertThat(laptop.run("docker logs talk").output()).containsExactly(out("one\n"),
                err("sh: nope: not found\ntwo\n"), out("three\n"));
    }

    @Test
    void oneStepThatWritesBothStreamsIsLoggedInTheOrderWritten() {
        laptop.ok("docker run -d --name nested busybox sh -c \"echo 'echo one' > /s; echo 'echo two >&2' >> /s;"
                + " echo 'echo three' >> /s; chmod +x /s; sleep 1; /s\"");
        RunningCommand logs = start("docker logs -f nested");

        laptop.advance(Duration.ofSeconds(1));

        assertThat(logs.result()).isEqualTo(new CommandResult(List.of(out("one\n"), err("two\n"), out("three\n")), 0));
    }

    @Test
    void aGlobInALaterStepMatchesTheContainersFilesWhenItRuns() {
        RunningCommand run = start("docker run --name globber busybox sh -c 'sleep 1; echo /etc/*'");

        laptop.advance(Duration.ofSeconds(1));

        assertThat(run.result()).isEqualTo(CommandResult.ok("/etc/group /etc/passwd\n"));
    }

    @Test
    void aStartedLineExpandsItsGlobsBeforeItFollows() {
        laptop.ok("touch notes.txt todo.txt");
        laptop.ok("docker run -d --name ab busybox sh -c 'echo a; sleep 2; echo b'");
        RunningCommand line = start("echo *.txt && docker logs -f ab");

        laptop.advance(Duration.ofSeconds(2));

        assertThat(line.result()).isEqualTo(CommandResult.ok("notes.txt todo.txt\na\nb\n"));
    }

    @Test
    void execOfAnShScriptKeepsItsStreamsInOrderInTheImagesShellWording() {
        laptop.ok("docker run -d --name box busybox sleep infinity");

        assertThat(laptop.run("docker exec box sh -c 'echo one; nope; echo two'").output())
                .containsExactly(out("one\n"), err("sh: nope: not found\n"), out("two\n"));
    }
}
