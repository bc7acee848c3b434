package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("docker top, docker ps --filter, and the signals of stop, restart and kill")
class TopFilterStopSignalTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Nested
    @DisplayName("docker top")
    class Top {

        @Test
        void showsTheProcessWithHostPidsTheShimAsParentInPsEfColumns() {
            laptop.ok("docker run -d --name nap busybox sleep 1000");

            assertThat(laptop.ok("docker top nap")).isEqualTo(
                    "UID                 PID                 PPID                C                   STIME"
                    + "               TTY                 TIME                CMD\n"
                    + "root                1000                999                 0                   10:00"
                    + "               ?                   00:00:00            sleep 1000\n");
            assertThat(laptop.ok("docker container top nap")).contains("sleep 1000");
        }

        @Test
        void aStoppedOrUnknownContainerIsAnError() {
            laptop.ok("docker run --name done busybox true");
            String id = laptop.ok("docker inspect -f '{{.Id}}' done").strip();

            assertThat(laptop.run("docker top done"))
                    .isEqualTo(CommandResult.error("Error response from daemon: container " + id + " is not running\n", 1));
            assertThat(laptop.run("docker top nope"))
                    .isEqualTo(CommandResult.error("Error response from daemon: No such container: nope\n", 1));
            assertThat(laptop.run("docker top").exitCode()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("docker ps --filter")
    class Filters {

        private void threeContainers() {
            laptop.ok("docker run -d --name web -p 8080:80 nginx");
            laptop.ok("docker run -d --name nap busybox sleep 1000");
            laptop.run("docker run --name done busybox sh -c 'exit 3'");
        }

        private String names(String flags) {
            return laptop.ok("docker ps " + flags + " --format '{{.Names}}'");
        }

        @Test
        void byNameIdStatusAndExitCode() {
            threeContainers();
            String napId = laptop.ok("docker inspect -f '{{.Id}}' nap").substring(0, 6);

            assertThat(names("--filter name=we")).isEqualTo("web\n");
            assertThat(names("--filter name=^n --filter name=^w")).isEqualTo("nap\nweb\n");
            assertThat(names("--filter id=" + napId)).isEqualTo("nap\n");
            assertThat(names("--filter status=exited")).isEqualTo("done\n");
            assertThat(names("--filter exited=3")).isEmpty();
            assertThat(names("-a --filter exited=3")).isEqualTo("done\n");
            assertThat(names("-a --filter exited=0")).isEmpty();
        }

        @Test
        void byAncestorNetworkPublishedPortAndLabel() {
            threeContainers();

            assertThat(names("--filter ancestor=nginx")).isEqualTo("web\n");
            assertThat(names("-a --filter ancestor=busybox")).isEqualTo("done\nnap\n");
            assertThat(names("--filter ancestor=unknown-image")).isEmpty();
            assertThat(names("--filter publish=80")).isEqualTo("web\n");
            assertThat(names("--filter publish=81-90/tcp")).isEmpty();
            assertThat(names("--filter expose=80/tcp")).isEqualTo("web\n");
            assertThat(names("--filter network=bridge")).isEqualTo("nap\nweb\n");
            assertThat(names("--filter label=maintainer")).isEqualTo("web\n");
            assertThat(names("--filter status=running --filter name=nap")).isEqualTo("nap\n");
        }

        @Test
        void byCreationOrderHealthAndTask() {
            threeContainers();

            assertThat(names("-a --filter before=nap")).isEqualTo("web\n");
            assertThat(names("-a --filter since=nap")).isEqualTo("done\n");
            assertThat(names("--filter health=none")).isEqualTo("nap\nweb\n");
            assertThat(names("--filter health=healthy")).isEmpty();
            assertThat(names("--filter is-task=false")).isEqualTo("nap\nweb\n");
            assertThat(laptop.run("docker ps --filter before=ghost"))
                    .isEqualTo(CommandResult.error("Error response from daemon: No such container: ghost\n", 1));
            assertThat(laptop.run("docker ps --filter volume=data").exitCode()).isEqualTo(1);
        }

        @Test
        void badFiltersGetTheCliAndDaemonErrors() {
            threeContainers();

            assertThat(laptop.run("docker ps --filter bogus")).isEqualTo(CommandResult.error(
                    "invalid argument \"bogus\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\n\n"
                    + "Usage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n", 125));
            assertThat(laptop.run("docker ps --filter foo=bar"))
                    .isEqualTo(CommandResult.error("Error response from daemon: invalid filter 'foo'\n", 1));
            assertThat(laptop.run("docker ps --filter status=sleeping"))
                    .isEqualTo(CommandResult.error("Error response from daemon: invalid filter 'status=sleeping'\n", 1));
            assertThat(laptop.run("docker ps -a --filter exited=x")).isEqualTo(CommandResult.error(
                    "Error response from daemon: strconv.Atoi: parsing \"x\": invalid syntax\n", 1));
            assertThat(laptop.run("docker ps --filter publish=8080:80")).isEqualTo(CommandResult.error(
                    "Error response from daemon: filter for 'publish' should not contain ':': 8080:80\n", 1));
        }
    }

    @Nested
    @DisplayName("stop, restart and kill signals")
    class Signals {

        @Test
        void stopWithSigkillEndsAtOnceWith137() {
            laptop.ok("docker run -d --name nap busybox sleep 1000");
            var before = laptop.sandbox.clock().now();

            assertThat(laptop.ok("docker stop -s SIGKILL nap")).isEqualTo("nap\n");

            assertThat(laptop.sandbox.clock().now()).isEqualTo(before);
            assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' nap")).isEqualTo("137\n");
        }

        @Test
        void aProcessThatHandlesTheSignalExitsOnItsOwnAndStopReturnsAtOnce() {
            laptop.ok("docker run -d --name echo hashicorp/http-echo -text=hi");
            var before = laptop.sandbox.clock().now();

            laptop.ok("docker stop --signal INT --timeout 30 echo");

            assertThat(laptop.sandbox.clock().now()).isEqualTo(before);
            assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' echo")).isEqualTo("0\n");
        }

        @Test
        void stopReturnsWhenTheContainerEndsBeforeTheGracePeriod() {
            laptop.ok("docker run -d --name short busybox sh -c 'sleep 3'");
            var before = laptop.sandbox.clock().now();

            laptop.ok("docker stop -t 10 short");

            assertThat(Duration.between(before, laptop.sandbox.clock().now())).isEqualTo(Duration.ofSeconds(3));
            assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' short")).isEqualTo("0\n");
        }

        @Test
        void restartWithATimeoutKillsAfterItAndStartsAgain() {
            laptop.ok("docker run -d --name nap busybox sleep 1000");
            var before = laptop.sandbox.clock().now();

            laptop.ok("docker restart -t 4 nap");

            assertThat(Duration.between(before, laptop.sandbox.clock().now())).isEqualTo(Duration.ofSeconds(4));
            assertThat(laptop.ok("docker ps --format '{{.Names}} {{.Status}}'")).isEqualTo("nap Up Less than a second\n");
        }

        @Test
        void killWithASignalTheProcessIgnoresLeavesItRunning() {
            laptop.ok("docker run -d --name nap busybox sleep 1000");

            assertThat(laptop.ok("docker kill -s USR1 nap")).isEqualTo("nap\n");
            assertThat(laptop.ok("docker ps --format '{{.Names}}'")).isEqualTo("nap\n");
            assertThat(laptop.ok("docker kill --signal 9 nap")).isEqualTo("nap\n");
            assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' nap")).isEqualTo("137\n");
        }

        @Test
        void badSignalsAndTimeoutsAreRefusedAndChangeNothing() {
            laptop.ok("docker run -d --name nap busybox sleep 1000");

            assertThat(laptop.run("docker stop -s SIGFOO nap"))
                    .isEqualTo(CommandResult.error("Error response from daemon: Invalid signal: SIGFOO\n", 1));
            assertThat(laptop.run("docker kill -s NOPE nap nope")).isEqualTo(CommandResult.error(
                    "Error response from daemon: Invalid signal: NOPE\nError response from daemon: Invalid signal: NOPE\n", 1));
            assertThat(laptop.run("docker restart -t soon nap")).isEqualTo(CommandResult.error(
                    "invalid argument \"soon\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing \"soon\": invalid syntax"
                    + "\n\nUsage:  docker restart [OPTIONS] CONTAINER [CONTAINER...]\n\n"
                    + "Run 'docker restart --help' for more information\n", 125));
            assertThat(laptop.ok("docker ps --format '{{.Names}} {{.Status}}'")).isEqualTo("nap Up Less than a second\n");
        }
    }
}
