package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A sleep in a container's sh -c script pauses the script on the sandbox's clock")
class ScriptSleepTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    private String status() {
        return laptop.ok("docker ps -a --format '{{.Status}}'");
    }

    @Test
    void theLineAfterTheSleepIsLoggedFiveSecondsLaterAndTheContainerExitsThen() {
        laptop.ok("docker run -d --name nap busybox sh -c 'echo a; sleep 5; echo b'");

        assertThat(laptop.ok("docker logs -t nap")).isEqualTo("2025-06-12T10:00:00.000000000Z a\n");
        assertThat(status()).startsWith("Up ");
        laptop.advance(Duration.ofMillis(4999));
        assertThat(laptop.ok("docker logs nap")).isEqualTo("a\n");
        laptop.advance(Duration.ofMillis(1));

        assertThat(laptop.ok("docker logs -t nap")).isEqualTo(
                "2025-06-12T10:00:00.000000000Z a\n2025-06-12T10:00:05.000000000Z b\n");
        assertThat(laptop.ok("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.FinishedAt}}' nap"))
                .isEqualTo("exited 0 2025-06-12T10:00:05Z\n");
    }

    @Test
    void sleepsAddUpAndAndOrListsKeepTheirMeaningAcrossAPause() {
        laptop.ok("docker run -d --name chain busybox sh -c 'sleep 1 && false || echo rescued; sleep 2; exit 3'");

        laptop.advance(Duration.ofSeconds(1));
        assertThat(laptop.ok("docker logs chain")).isEqualTo("rescued\n");
        assertThat(status()).startsWith("Up ");
        laptop.advance(Duration.ofSeconds(2));

        assertThat(status()).isEqualTo("Exited (3) Less than a second ago\n");
    }

    @Test
    void dockerStopDuringTheSleepKillsTheScriptAfterTheGracePeriodAndTheRestNeverRuns() {
        laptop.ok("docker run -d --name nap busybox sh -c 'echo a; sleep 60; echo b'");

        laptop.ok("docker stop nap");
        laptop.advance(Duration.ofMinutes(2));

        assertThat(laptop.ok("docker logs nap")).isEqualTo("a\n");
        assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' nap")).isEqualTo("137\n");
    }

    @Test
    void sleepInfinityKeepsTheContainerRunning() {
        laptop.ok("docker run -d --name forever busybox sh -c 'echo ready; sleep infinity; echo never'");

        // Ten minutes, not a day: every virtual second costs the cluster's timers real time.
        laptop.advance(Duration.ofMinutes(10));

        assertThat(status()).startsWith("Up 10 minutes");
        assertThat(laptop.ok("docker logs forever")).isEqualTo("ready\n");
    }

    @Test
    void aBadIntervalFailsTheStepAsSleepDoesAndTheScriptGoesOn() {
        laptop.ok("docker run -d --name bad busybox sh -c 'sleep soon; echo after'");

        assertThat(laptop.run("docker logs bad").stderr()).isEqualTo(
                "sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n");
        assertThat(laptop.run("docker logs bad").stdout()).isEqualTo("after\n");
        assertThat(status()).startsWith("Exited (0)");
    }

    @Test
    void aDebianShellReportsAnUnknownCommandAsDashDoes() {
        laptop.ok("docker run -d --name deb ubuntu:22.04 sh -c 'echo one; nope'");

        assertThat(laptop.run("docker logs deb").stderr()).isEqualTo("sh: 1: nope: not found\n");
        assertThat(status()).startsWith("Exited (127)");
    }
}
