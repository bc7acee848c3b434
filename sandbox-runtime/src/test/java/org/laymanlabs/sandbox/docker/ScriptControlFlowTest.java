package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

/** Expected outputs and messages are BusyBox 1.36 ash's (busybox) and dash 0.5.12's (debian images). */
@DisplayName("A container's sh runs if, while, until and for")
class ScriptControlFlowTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    ScriptControlFlowTest() {
        laptop.ok("docker pull -q busybox");
        laptop.ok("docker pull -q ubuntu");
    }

    private CommandResult sh(String script) {
        return laptop.run("docker run --rm busybox sh -c '" + script + "'");
    }

    @Nested
    @DisplayName("if … then … elif … else … fi")
    class If {

        @Test
        void aLivenessStyleTestExitsZeroOnlyWhenTheFileExists() {
            String probe = "if [ -f /tmp/healthy ]; then exit 0; else exit 1; fi";
            assertThat(sh(probe).exitCode()).isEqualTo(1);
            assertThat(sh("touch /tmp/healthy; " + probe).exitCode()).isEqualTo(0);
        }

        @Test
        void elifAndElsePickTheFirstBranchWhoseTestSucceeds() {
            assertThat(sh("X=2; if [ $X -eq 1 ]; then echo one; elif [ $X = 2 ]; then echo two; else echo other; fi")
                    .stdout()).isEqualTo("two\n");
            assertThat(sh("if false; then echo yes; else echo no; fi; if ! false; then echo negated; fi").stdout())
                    .isEqualTo("no\nnegated\n");
        }

        @Test
        void anIfThatTookNoBranchHasStatusZeroAndATakenBranchItsLastCommands() {
            assertThat(sh("if false; then echo x; fi; echo $?").stdout()).isEqualTo("0\n");
            assertThat(sh("if true; then false; fi").exitCode()).isEqualTo(1);
        }

        @Test
        void itSpansLinesAndJoinsAndOrLists() {
            assertThat(sh("if true\nthen\n  echo a && echo b\nfi && echo after").stdout()).isEqualTo("a\nb\nafter\n");
            assertThat(sh("false && if true; then echo skipped; fi; echo $?").stdout()).isEqualTo("1\n");
        }

        @Test
        void aMissingFiIsASyntaxErrorInAshsWordsAndNothingRuns() {
            CommandResult result = sh("echo first; if true; then echo a");
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("sh: syntax error: unexpected end of file (expecting \"fi\")\n");
            assertThat(result.exitCode()).isEqualTo(2);
        }

        @Test
        void aStrayOrEmptyPartIsASyntaxError() {
            assertThat(sh("fi").stderr()).isEqualTo("sh: syntax error: unexpected \"fi\"\n");
            assertThat(sh("if true; then fi").stderr()).isEqualTo("sh: syntax error: unexpected \"fi\"\n");
            assertThat(sh("while true; done").stderr())
                    .isEqualTo("sh: syntax error: unexpected \"done\" (expecting \"do\")\n");
        }

        @Test
        void dashWordsItsErrorsWithTheLine() {
            CommandResult result = laptop.run("docker run --rm ubuntu sh -c 'echo a\nif true; then\necho b'");
            assertThat(result.stderr()).isEqualTo("sh: 3: Syntax error: end of file unexpected (expecting \"fi\")\n");
        }
    }

    @Nested
    @DisplayName("loops")
    class Loops {

        @Test
        void forRunsItsBodyOncePerWordAfterExpansion() {
            assertThat(sh("for i in 1 2 $(echo 3 4); do echo n=$i; done").stdout())
                    .isEqualTo("n=1\nn=2\nn=3\nn=4\n");
            assertThat(sh("for i in; do echo never; done; echo $?").stdout()).isEqualTo("0\n");
        }

        @Test
        void whileAndUntilTestBeforeEachRoundAndBreakAndContinueWork() {
            assertThat(sh("touch /a; while [ -f /a ]; do echo once; rm /a; done").stdout()).isEqualTo("once\n");
            assertThat(sh("until [ -f /b ]; do touch /b; echo made; done").stdout()).isEqualTo("made\n");
            assertThat(sh("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done").stdout())
                    .isEqualTo("1\n3\n");
        }

        @Test
        void absurdNestingIsASyntaxErrorNotACrash() {
            String deep = "if true; then ".repeat(5_000) + "echo x" + "; fi".repeat(5_000);

            assertThat(sh(deep).stderr()).endsWith("syntax error: compound commands nested more than 200 deep\n");
            assertThat(sh("if true; then ".repeat(20) + "echo ok" + "; fi".repeat(20)).stdout()).isEqualTo("ok\n");
        }

        @Test
        void aLoopsStatusIsItsBodysLast() {
            assertThat(sh("for i in 1; do false; done").exitCode()).isEqualTo(1);
            assertThat(sh("while false; do echo x; done").exitCode()).isEqualTo(0);
        }

        @Test
        void aLoopThatSleepsPausesOnTheClock() {
            laptop.ok("docker run -d --name ticker busybox sh -c 'while true; do echo tick; sleep 10; done'");
            laptop.advance(Duration.ofSeconds(25));
            assertThat(laptop.ok("docker logs ticker")).isEqualTo("tick\ntick\ntick\n");
        }

        @Test
        void aBusyLoopYieldsToTheSandboxAndCanBeStopped() {
            laptop.ok("docker run -d --name busy busybox sh -c 'while true; do :; done'");
            laptop.advance(Duration.ofMinutes(1));

            assertThat(laptop.ok("docker ps --format '{{.Names}} {{.Status}}'")).isEqualTo("busy Up About a minute\n");
            laptop.ok("docker kill busy");
            assertThat(laptop.ok("docker inspect -f '{{.State.ExitCode}}' busy")).isEqualTo("137\n");
        }

        @Test
        void aLoopOfZeroSleepsIsBusyTooAndDoesNotStopTheSandbox() {
            laptop.ok("docker run -d --name spin busybox sh -c 'while true; do sleep 0; done'");
            laptop.advance(Duration.ofMinutes(1));

            assertThat(laptop.ok("docker ps --format '{{.Names}} {{.Status}}'")).isEqualTo("spin Up About a minute\n");
        }
    }

    @Nested
    @DisplayName("test and [")
    class Test_ {

        @Test
        void comparesStringsNumbersAndFiles() {
            assertThat(sh("[ a = a ] && [ 3 -gt 2 ] && [ -d /tmp ] && [ ! -e /nope ] && [ -n x ] && [ -z \"\" ] && echo ok")
                    .stdout()).isEqualTo("ok\n");
            assertThat(sh("test -f /etc/passwd; echo $?; test; echo $?").stdout()).isEqualTo("0\n1\n");
        }
    }
}
