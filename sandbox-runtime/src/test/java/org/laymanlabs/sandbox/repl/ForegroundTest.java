package org.laymanlabs.sandbox.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The REPL's foreground command")
class ForegroundTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(START));
    private final AtomicInteger interrupts = new AtomicInteger();
    private final CommandResult.Builder screen = CommandResult.builder();
    private int moments;

    /** Real time as a test has it: each moment is 100 ms, and the learner presses Ctrl-C at the moments given. */
    private Foreground pressingCtrlCAt(int... at) {
        return new Foreground(sandbox.clock(), () -> {
            moments++;
            for (int moment : at) {
                if (moment == moments) {
                    interrupts.incrementAndGet();
                }
            }
            return Duration.ofMillis(100);
        }, interrupts);
    }

    private RunningCommand start(String line) {
        sandbox.shell().run("docker pull laymanlabs/slow-start");
        return sandbox.shell().start(line, screen);
    }

    @Test
    void keepsTheClockAtRealTimeAndPrintsOutputAsItComesUntilCtrlC() {
        RunningCommand logs = start("docker run -d --name slow -e READY_AFTER=2s laymanlabs/slow-start >/dev/null;"
                + " docker logs -f slow");

        pressingCtrlCAt(30).drive(logs);

        assertThat(logs.result()).isEqualTo(new CommandResult("slow-start: warming up, ready in 2s\n"
                + "slow-start: ready, listening on :8080\n", "", 130));
        assertThat(sandbox.clock().now()).isEqualTo(START.plusSeconds(3));
    }

    @Test
    void returnsWhenTheLineEndsByItself() {
        RunningCommand run = start("docker run --name nap busybox sleep 1");

        pressingCtrlCAt().drive(run);

        assertThat(run.result().exitCode()).isZero();
        assertThat(moments).isEqualTo(10);
    }

    @Test
    void theThirdCtrlCDetachesFromAContainerThatIgnoresSigint() {
        RunningCommand run = start("docker run --name nap busybox sleep 60");

        pressingCtrlCAt(1, 2, 3).drive(run);

        assertThat(run.result().exitCode()).isZero();
        assertThat(sandbox.containers().containers().get("nap").state().status()).isEqualTo(ContainerStatus.RUNNING);
    }
}
