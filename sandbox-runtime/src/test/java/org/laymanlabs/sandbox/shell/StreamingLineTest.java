package org.laymanlabs.sandbox.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.shell.coreutils.Coreutils;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A line that follows something")
class StreamingLineTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2025-06-12T10:00:00Z"));
    private final Workspace workspace = new Workspace();
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(new Ticker(clock),
            Coreutils.sleep(clock)), workspace);
    private final CommandResult.Builder screen = CommandResult.builder();

    private void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    private static OutputChunk out(String text) {
        return new OutputChunk(OutputChunk.Stream.STDOUT, text);
    }

    private static OutputChunk err(String text) {
        return new OutputChunk(OutputChunk.Stream.STDERR, text);
    }

    @Nested
    @DisplayName("when started")
    class Started {

        @Test
        void printsEachLineAsTheClockReachesItAndEndsWhenWhatItFollowsEnds() {
            RunningCommand line = shell.start("ticker 3", screen);

            assertThat(screen.build(0).terminal()).isEqualTo("tick 0\n");
            assertThat(line.isFinished()).isFalse();
            advance(1);
            assertThat(screen.build(0).terminal()).isEqualTo("tick 0\ntick 1\n");
            advance(5);

            assertThat(line.isFinished()).isTrue();
            assertThat(line.result()).isEqualTo(new CommandResult(List.of(out("tick 0\ntick 1\ntick 2\n"),
                    err("ticker: done\n")), 0));
        }

        @Test
        void ctrlCEndsItWith130AndTheRestOfTheLineRuns() {
            RunningCommand line = shell.start("ticker 100; echo after $?", screen);
            advance(1);

            line.interrupt();

            assertThat(line.isFinished()).isTrue();
            assertThat(line.result()).isEqualTo(new CommandResult("tick 0\ntick 1\nafter 130\n", "", 0));
            assertThat(shell.lastExitCode()).isZero();
        }

        @Test
        void theRestOfTheLineWaitsForItAndSeesItsStatus() {
            RunningCommand line = shell.start("ticker 2 && echo done || echo failed", screen);
            advance(1);
            assertThat(screen.build(0).stdout()).doesNotContain("done");

            advance(1);

            assertThat(line.result().stdout()).isEqualTo("tick 0\ntick 1\ndone\n");
        }

        @Test
        void aSecondFollowingCommandInTheLineStartsWhenTheFirstEnds() {
            RunningCommand line = shell.start("ticker 2; ticker 2", screen);
            advance(2);
            assertThat(line.isFinished()).isFalse();

            advance(2);

            assertThat(line.result().stdout()).isEqualTo("tick 0\ntick 1\ntick 0\ntick 1\n");
        }

        @Test
        void aSleepInTheRestOfTheLineMovesTheClockOnwardsNeverBack() {
            RunningCommand line = shell.start("ticker 1; sleep 10", screen);

            advance(1);

            assertThat(line.isFinished()).isTrue();
            assertThat(clock.now()).isEqualTo(Instant.parse("2025-06-12T10:00:11Z"));
        }

        @Test
        void theShellTakesNoOtherLineMeanwhile() {
            shell.start("ticker 5", screen);

            assertThatThrownBy(() -> shell.start("echo hi", screen)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> shell.run("echo hi")).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void resultIsRefusedWhileItRuns() {
            RunningCommand line = shell.start("ticker 5", screen);

            assertThatThrownBy(line::result).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void detachingCutsEveryFollowingCommandOffWithStatusZero() {
            RunningCommand line = shell.start("ticker 9; ticker 9; echo $?", screen);

            line.detach();

            assertThat(line.result()).isEqualTo(new CommandResult("tick 0\ntick 0\n0\n", "", 0));
        }
    }

    @Nested
    @DisplayName("when run rather than started")
    class Run {

        @Test
        void printsWhatExistsNowAndEndsWithStatusZeroWithoutMovingTheClock() {
            CommandResult result = shell.run("ticker 100");

            assertThat(result).isEqualTo(CommandResult.ok("tick 0\n"));
            assertThat(clock.now()).isEqualTo(Instant.parse("2025-06-12T10:00:00Z"));
        }

        @Test
        void leavesTheShellFreeForTheNextLine() {
            shell.run("ticker 100");

            assertThat(shell.run("echo next").stdout()).isEqualTo("next\n");
        }
    }

    @Nested
    @DisplayName("in a pipe")
    class Piped {

        @Test
        void feedsTheNextStageAllItWroteOnceItEnds() {
            RunningCommand line = shell.start("ticker 3 | grep 'tick [12]'", screen);
            advance(2);
            assertThat(screen.build(0).stdout()).isEmpty();

            advance(1);

            assertThat(line.result()).isEqualTo(new CommandResult(List.of(err("ticker: done\n"),
                    out("tick 1\ntick 2\n")), 0));
        }

        @Test
        void ctrlCStillShowsWhatMatchedThenEndsTheWholeLineWith130() {
            RunningCommand line = shell.start("ticker 100 | grep 'tick 1'; echo after", screen);
            advance(3);

            line.interrupt();

            assertThat(line.result()).isEqualTo(new CommandResult("tick 1\n", "", 130));
        }

        @Test
        void aFollowingLastStageSeesWhatTheFirstStageWrote() {
            RunningCommand line = shell.start("echo hi | ticker 1", screen);

            advance(1);

            assertThat(line.result().stdout()).isEqualTo("tick 0\n");
        }
    }

    @Nested
    @DisplayName("with redirections")
    class Redirected {

        @Test
        void writesIntoAFileAsItGoes() {
            RunningCommand line = shell.start("ticker 3 > ticks 2>&1", screen);
            advance(1);
            assertThat(workspace.read("/home/learner/ticks")).isEqualTo("tick 0\ntick 1\n");

            advance(2);

            assertThat(line.result().terminal()).isEmpty();
            assertThat(workspace.read("/home/learner/ticks")).isEqualTo("tick 0\ntick 1\ntick 2\nticker: done\n");
        }

        @Test
        void devNullSwallowsOnlyTheStreamItIsGiven() {
            RunningCommand line = shell.start("ticker 1 >/dev/null", screen);

            advance(1);

            assertThat(line.result()).isEqualTo(CommandResult.error("ticker: done\n", 0));
        }
    }

    /**
     * {@code ticker N}: prints "tick i" on each second for N seconds (the first at once), then
     * "ticker: done" on stderr; Ctrl-C ends it with 130 as a CLI with a SIGINT handler does.
     */
    private static final class Ticker implements Command {

        private final VirtualClock clock;

        Ticker(VirtualClock clock) {
            this.clock = clock;
        }

        @Override
        public String name() {
            return "ticker";
        }

        @Override
        public String usage() {
            return "ticker N";
        }

        @Override
        public String summary() {
            return "Print a tick each second.";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            return Command.runToNow(this, invocation);
        }

        @Override
        public Execution start(Invocation invocation, OutputSink out) {
            Ticking ticking = new Ticking(clock, Integer.parseInt(invocation.args().get(0)), out);
            ticking.tick();
            ticking.onEveryTick(clock, ticking::tick);
            return ticking;
        }
    }

    private static final class Ticking extends Execution {

        private final VirtualClock clock;
        private final Instant began;
        private final int count;
        private final OutputSink out;
        private int printed;

        Ticking(VirtualClock clock, int count, OutputSink out) {
            this.clock = clock;
            this.began = clock.now();
            this.count = count;
            this.out = out;
            clock.schedule(Duration.ofSeconds(count), () -> { });
        }

        void tick() {
            long elapsed = Duration.between(began, clock.now()).toSeconds();
            while (printed <= elapsed && printed < count) {
                out.out("tick " + printed++ + "\n");
            }
            if (printed == count && elapsed >= count) {
                out.err("ticker: done\n");
                finish(0);
            }
        }

        @Override
        public void interrupt() {
            finish(130);
        }

        @Override
        public void detach() {
            finish(0);
        }
    }
}
