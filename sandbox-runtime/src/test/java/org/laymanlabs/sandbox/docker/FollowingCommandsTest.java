package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Docker commands that follow a container")
class FollowingCommandsTest {

    private static final String WARMING = "slow-start: warming up, ready in 5s\n";
    private static final String READY = "slow-start: ready, listening on :8080\n";

    private final LaptopSandbox laptop = new LaptopSandbox();
    private final CommandResult.Builder screen = CommandResult.builder();

    private RunningCommand start(String line) {
        return laptop.sandbox.shell().start(line, screen);
    }

    private Container container(String name) {
        return laptop.sandbox.containers().containers().get(name);
    }

    private static OutputChunk out(String text) {
        return new OutputChunk(OutputChunk.Stream.STDOUT, text);
    }

    private static OutputChunk err(String text) {
        return new OutputChunk(OutputChunk.Stream.STDERR, text);
    }

    @Nested
    @DisplayName("docker logs")
    class Logs {

        @Test
        void printsLinesInTheOrderTheContainerWroteThemToEachStream() {
            laptop.ok("docker run --name talk busybox sh -c 'echo one; echo oops >&2; echo two'");

            assertThat(laptop.run("docker logs talk").output()).containsExactly(out("one\n"), err("oops\n"), out("two\n"));
        }

        @Test
        void withFollowPrintsNewLinesAsTheClockReachesThem() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            RunningCommand logs = start("docker logs -f slow");
            assertThat(screen.build(0).terminal()).isEqualTo(WARMING);

            laptop.advance(Duration.ofSeconds(4));
            assertThat(screen.build(0).terminal()).isEqualTo(WARMING);
            laptop.advance(Duration.ofSeconds(1));

            assertThat(screen.build(0).terminal()).isEqualTo(WARMING + READY);
            assertThat(logs.isFinished()).isFalse();
        }

        @Test
        void ctrlCEndsItWith130AndLeavesTheContainerRunning() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            RunningCommand logs = start("docker logs -f slow");

            logs.interrupt();

            assertThat(logs.result()).isEqualTo(new CommandResult(WARMING, "", 130));
            assertThat(container("slow").state().status()).isEqualTo(ContainerStatus.RUNNING);
            laptop.advance(Duration.ofSeconds(10));
            assertThat(laptop.sandbox.shell().lastExitCode()).isEqualTo(130);
        }

        @Test
        void endsWithStatusZeroWhenTheContainerExits() {
            laptop.ok("docker run -d --name brief busybox sh -c 'echo hello; sleep 3; exit 4'");
            RunningCommand logs = start("docker logs -f brief");
            laptop.advance(Duration.ofSeconds(2));
            assertThat(logs.isFinished()).isFalse();

            laptop.advance(Duration.ofSeconds(1));

            assertThat(logs.result()).isEqualTo(CommandResult.ok("hello\n"));
        }

        @Test
        void endsWhenTheContainerExitsEvenIfItRestarts() {
            laptop.ok("docker run -d --name loop --restart always busybox sh -c 'echo up; sleep 2; exit 1'");
            RunningCommand logs = start("docker logs -f loop");

            laptop.advance(Duration.ofSeconds(10));

            assertThat(logs.result()).isEqualTo(CommandResult.ok("up\n"));
        }

        @Test
        void ofAStoppedContainerPrintsItsLogAndReturnsAtOnce() {
            laptop.ok("docker run --name done busybox echo bye");

            RunningCommand logs = start("docker logs -f done");

            assertThat(logs.result()).isEqualTo(CommandResult.ok("bye\n"));
        }

        @Test
        void withTailZeroShowsOnlyWhatComesNext() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            RunningCommand logs = start("docker logs -f --tail 0 slow");

            laptop.advance(Duration.ofSeconds(5));
            logs.interrupt();

            assertThat(logs.result().stdout()).isEqualTo(READY);
        }

        @Test
        void throughGrepShowsTheMatchesOnceInterrupted() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            RunningCommand logs = start("docker logs -f slow | grep ready,");
            laptop.advance(Duration.ofSeconds(6));

            logs.interrupt();

            assertThat(logs.result()).isEqualTo(new CommandResult(READY, "", 130));
        }

        @Test
        void whenRunRatherThanStartedPrintsWhatExistsWithStatusZero() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");

            assertThat(laptop.run("docker logs -f slow")).isEqualTo(CommandResult.ok(WARMING));
        }
    }

    @Nested
    @DisplayName("docker start -a")
    class StartAttached {

        @BeforeEach
        void aContainerThatRanOnce() {
            laptop.ok("docker run -d --name brief busybox sh -c 'echo hello; sleep 2; exit 3'");
            laptop.advance(Duration.ofSeconds(2));
        }

        @Test
        void printsOnlyThisRunsOutputAndEndsWithTheContainersStatus() {
            RunningCommand run = start("docker start -a brief");
            assertThat(screen.build(0).terminal()).isEqualTo("hello\n");
            assertThat(run.isFinished()).isFalse();

            laptop.advance(Duration.ofSeconds(2));

            assertThat(run.result()).isEqualTo(new CommandResult("hello\n", "", 3));
            assertThat(laptop.run("docker logs brief").stdout()).isEqualTo("hello\nhello\n");
        }

        @Test
        void withoutAttachStartEchoesTheNameAndReturnsAtOnce() {
            assertThat(laptop.run("docker start brief")).isEqualTo(CommandResult.ok("brief\n"));
        }

        @Test
        void refusesSeveralContainersAndAMissingOneAsTheCliDoes() {
            assertThat(laptop.run("docker start -a brief other"))
                    .isEqualTo(CommandResult.error("you cannot start and attach multiple containers at once\n", 1));
            assertThat(laptop.run("docker start -a nope"))
                    .isEqualTo(CommandResult.error("Error response from daemon: No such container: nope\n", 1));
            assertThat(container("brief").state().status()).isEqualTo(ContainerStatus.EXITED);
        }
    }

    @Nested
    @DisplayName("docker run without -d")
    class AttachedRun {

        @BeforeEach
        void pullTheImagesSoThatOnlyTheContainerSpeaks() {
            laptop.ok("docker pull busybox");
            laptop.ok("docker pull laymanlabs/slow-start");
        }

        @Test
        void printsWhatTheContainerWritesUntilItExitsAndEndsWithItsStatus() {
            RunningCommand run = start("docker run --name brief busybox sh -c 'echo hello; echo warn >&2; sleep 3; exit 4'");
            assertThat(screen.build(0).output()).containsExactly(out("hello\n"), err("warn\n"));
            assertThat(run.isFinished()).isFalse();

            laptop.advance(Duration.ofSeconds(3));

            assertThat(run.result().exitCode()).isEqualTo(4);
            assertThat(laptop.sandbox.shell().lastExitCode()).isEqualTo(4);
        }

        @Test
        void ctrlCIsForwardedToTheContainerWhichStopsIfItHandlesSigint() {
            RunningCommand run = start("docker run --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            laptop.advance(Duration.ofSeconds(5));

            run.interrupt();

            assertThat(run.result()).isEqualTo(new CommandResult(WARMING + READY, "", 0));
            assertThat(container("slow").state().status()).isEqualTo(ContainerStatus.EXITED);
        }

        @Test
        void ctrlCDoesNotStopAProcessThatIgnoresSigintSoTheRunGoesOn() {
            RunningCommand run = start("docker run --name nap busybox sleep 30");

            run.interrupt();

            assertThat(run.isFinished()).isFalse();
            assertThat(container("nap").state().status()).isEqualTo(ContainerStatus.RUNNING);
            laptop.advance(Duration.ofSeconds(30));
            assertThat(run.result()).isEqualTo(CommandResult.ok(""));
        }

        @Test
        void detachingLeavesTheContainerRunning() {
            RunningCommand run = start("docker run --name nap busybox sleep 30");

            run.detach();

            assertThat(run.result()).isEqualTo(CommandResult.ok(""));
            assertThat(container("nap").state().status()).isEqualTo(ContainerStatus.RUNNING);
        }

        @Test
        void withRmTheContainerIsGoneOnceTheRunEnds() {
            RunningCommand run = start("docker run --rm --name brief busybox sh -c 'echo hi; sleep 1'");

            laptop.advance(Duration.ofSeconds(1));

            assertThat(run.result()).isEqualTo(CommandResult.ok("hi\n"));
            assertThat(laptop.sandbox.containers().containers().find("brief")).isEmpty();
        }

        @Test
        void whenRunRatherThanStartedReturnsAtOnceWithTheContainerStillRunning() {
            assertThat(laptop.run("docker run --name slow -e READY_AFTER=5s laymanlabs/slow-start"))
                    .isEqualTo(CommandResult.ok(WARMING));
            assertThat(container("slow").state().status()).isEqualTo(ContainerStatus.RUNNING);
        }
    }

    @Nested
    @DisplayName("docker exec")
    class Exec {

        @Test
        void runsARegisteredProgramAsWellAsTools() {
            laptop.ok("docker run -d --name web nginx");

            assertThat(laptop.run("docker exec web nginx -v")).isEqualTo(CommandResult.error("nginx version: nginx/1.27.5\n", 0));
        }

        @Test
        void followsALongRunningProgramWhoseOutputGoesToTheClientNotTheLog() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            RunningCommand exec = start("docker exec slow slow-start");
            assertThat(screen.build(0).terminal()).isEqualTo(WARMING);

            laptop.advance(Duration.ofSeconds(5));

            assertThat(screen.build(0).terminal()).isEqualTo(WARMING + READY);
            assertThat(exec.isFinished()).isFalse();
            assertThat(container("slow").logs()).hasSize(2);
        }

        @Test
        void ctrlCEndsTheClientWith130() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            RunningCommand exec = start("docker exec slow slow-start");

            exec.interrupt();

            assertThat(exec.result()).isEqualTo(new CommandResult(WARMING, "", 130));
            assertThat(container("slow").state().status()).isEqualTo(ContainerStatus.RUNNING);
        }

        @Test
        void withDetachReturnsAtOnceAndTheProgramGoesOn() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");

            assertThat(laptop.run("docker exec -d slow slow-start")).isEqualTo(CommandResult.ok(""));
        }

        @Test
        void theProgramIsKilledWithTheContainersMainProcess() {
            laptop.ok("docker run -d --name slow -e READY_AFTER=5s laymanlabs/slow-start");
            RunningCommand exec = start("docker exec slow slow-start");

            laptop.sandbox.containers().stop("slow", Optional.empty());
            laptop.advance(Duration.ofMillis(100));

            assertThat(exec.result().exitCode()).isEqualTo(137);
        }
    }
}
