package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("Containers stop, exit and restart on the virtual clock as Docker's do")
class ContainerLifecycleTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Test
    void onFailureWithThreeRetriesRestartsThreeTimesWithDoublingBackOffThenStaysExited() {
        laptop.ok("docker run -d --name crash --restart on-failure:3 laymanlabs/crashloop");

        assertThat(laptop.ok("docker ps -a --format '{{.Status}}'")).isEqualTo("Restarting (1) Less than a second ago\n");
        laptop.advance(Duration.ofMillis(100 + 200 + 400));
        laptop.advance(Duration.ofSeconds(5));

        assertThat(laptop.ok("docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' crash"))
                .isEqualTo("3 exited 1\n");
        assertThat(laptop.ok("docker ps -a --format '{{.Status}}'")).isEqualTo("Exited (1) 5 seconds ago\n");
        assertThat(laptop.run("docker logs crash").stderr()).isEqualTo(
                "crashloop: error: required configuration file /etc/crashloop/config.yaml not found\n".repeat(4));
    }

    @Test
    void alwaysKeepsRestartingAndTheBackOffDoubles() {
        laptop.ok("docker run -d --name crash --restart always laymanlabs/crashloop");

        laptop.advance(Duration.ofMillis(100));
        assertThat(laptop.ok("docker inspect -f '{{.RestartCount}}' crash")).isEqualTo("1\n");
        laptop.advance(Duration.ofMillis(199));
        assertThat(laptop.ok("docker inspect -f '{{.RestartCount}}' crash")).isEqualTo("1\n");
        laptop.advance(Duration.ofMillis(1));
        assertThat(laptop.ok("docker inspect -f '{{.RestartCount}}' crash")).isEqualTo("2\n");
        laptop.advance(Duration.ofMinutes(10));
        assertThat(laptop.ok("docker inspect -f '{{.State.Status}}' crash")).isEqualTo("restarting\n");
    }

    @Test
    void stopWaitsTenSecondsForAProcessThatIgnoresSigtermThenKillsIt() {
        laptop.ok("docker run -d --name nap busybox sleep 3600");
        var before = laptop.sandbox.clock().now();

        assertThat(laptop.ok("docker stop nap")).isEqualTo("nap\n");

        assertThat(Duration.between(before, laptop.sandbox.clock().now())).isEqualTo(Duration.ofSeconds(10));
        assertThat(laptop.ok("docker ps -a --format '{{.Names}} {{.Status}}'")).isEqualTo("nap Exited (137) Less than a second ago\n");
    }

    @Test
    void stopWithATimeoutOfTwoSecondsKillsSooner() {
        laptop.ok("docker run -d --name nap busybox sleep infinity");
        var before = laptop.sandbox.clock().now();

        laptop.ok("docker stop -t 2 nap");

        assertThat(Duration.between(before, laptop.sandbox.clock().now())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void nginxHonoursItsStopSignalSigquitAndExitsAtOnceWithZero() {
        laptop.ok("docker run -d --name web nginx");
        var before = laptop.sandbox.clock().now();

        laptop.ok("docker stop web");

        assertThat(laptop.sandbox.clock().now()).isEqualTo(before);
        assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' web")).isEqualTo("0\n");
        assertThat(laptop.run("docker logs web").stderr())
                .contains("[notice] 1#1: signal 3 (SIGQUIT) received, shutting down");
    }

    @Test
    void killEndsTheProcessWith137AndNoRestart() {
        laptop.ok("docker run -d --name web --restart always nginx");

        laptop.ok("docker kill web");
        laptop.advance(Duration.ofSeconds(5));

        assertThat(laptop.ok("docker ps -a --format '{{.Status}}'")).isEqualTo("Exited (137) 5 seconds ago\n");
    }

    @Test
    void aSleepingContainerExitsByItselfWithZero() {
        laptop.ok("docker run -d --name nap busybox sleep 30");
        laptop.advance(Duration.ofSeconds(31));

        assertThat(laptop.ok("docker ps -a --format '{{.Status}}'")).isEqualTo("Exited (0) 1 second ago\n");
    }

    @Test
    void logsTimestampsAreRfc3339WithNineDigitsAndTailKeepsTheLastLines() {
        laptop.ok("docker run --name hi busybox sh -c 'echo one; echo two; echo three'");

        assertThat(laptop.ok("docker logs -t --tail 2 hi"))
                .isEqualTo("2025-06-12T10:00:00.000000000Z two\n2025-06-12T10:00:00.000000000Z three\n");
    }

    @Test
    void anAttachedRunPrintsTheOutputAndReturnsTheExitCode() {
        CommandResult result = laptop.run("docker run --rm busybox sh -c 'echo out; exit 3'");

        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(laptop.ok("docker ps -aq")).isEmpty();
    }

    @Test
    void psShowsExitedContainersOnlyWithAll() {
        laptop.ok("docker run --name first busybox true");
        laptop.advance(Duration.ofMinutes(5));
        laptop.ok("docker run -d --name second busybox sleep 600");
        laptop.advance(Duration.ofSeconds(45));
        String second = laptop.sandbox.containers().containers().get("second").shortId();
        String first = laptop.sandbox.containers().containers().get("first").shortId();

        assertThat(laptop.ok("docker ps -a")).isEqualTo("""
                CONTAINER ID   IMAGE     COMMAND       CREATED          STATUS                     PORTS     NAMES
                %s   busybox   "sleep 600"   45 seconds ago   Up 45 seconds                        second
                %s   busybox   "true"        5 minutes ago    Exited (0) 5 minutes ago             first
                """.formatted(second, first));
        assertThat(laptop.ok("docker ps --format '{{.Names}}'")).isEqualTo("second\n");
    }
}
