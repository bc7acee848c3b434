package org.laymanlabs.sandbox.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.laymanlabs.sandbox.CommandResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The sandbox shell")
class CommandLineShellTest {

    private final CommandLineShell shell = CommandLineShell.withBuiltins();

    @Nested
    @DisplayName("runs commands as bash does")
    class Running {

        @Test
        void anUnknownCommandFailsWithBashsMessageAndStatus127() {
            CommandResult result = shell.run("dokcer ps");

            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("bash: dokcer: command not found\n");
            assertThat(result.exitCode()).isEqualTo(127);
            assertThat(shell.lastExitCode()).isEqualTo(127);
        }

        @Test
        void anEmptyLineOrACommentPrintsNothingAndKeepsTheLastStatus() {
            shell.run("nosuch");

            assertThat(shell.run("   ")).isEqualTo(new CommandResult("", "", 127));
            assertThat(shell.run("# just a note")).isEqualTo(new CommandResult("", "", 127));
        }

        @Test
        void andRunsTheSecondCommandOnlyAfterSuccess() {
            assertThat(shell.run("help exit && help help").stdout()).contains("exit [n]", "help [command ...]");
            assertThat(shell.run("nosuch && help").stdout()).isEmpty();
        }

        @Test
        void orRunsTheSecondCommandOnlyAfterFailure() {
            CommandResult result = shell.run("nosuch || help exit");

            assertThat(result.stdout()).startsWith("exit [n]");
            assertThat(result.stderr()).contains("nosuch: command not found");
            assertThat(result.exitCode()).isZero();
        }

        @Test
        void semicolonsRunEveryListAndTheLastStatusWins() {
            CommandResult result = shell.run("nosuch; help exit; other");

            assertThat(result.stdout()).startsWith("exit [n]");
            assertThat(result.stderr()).contains("nosuch: command not found", "other: command not found");
            assertThat(result.exitCode()).isEqualTo(127);
        }

        @Test
        void quotesKeepSpacesInsideOneWord() {
            assertThat(shell.run("'help me'").stderr()).isEqualTo("bash: help me: command not found\n");
            assertThat(shell.run("\"he\"'lp' exit").stdout()).startsWith("exit [n]");
        }
    }

    @Nested
    @DisplayName("rejects bad lines with bash's wording and status 2")
    class SyntaxErrors {

        @Test
        void anUnterminatedQuoteIsReported() {
            assertThat(shell.run("help 'exit")).isEqualTo(
                    CommandResult.error("bash: unexpected EOF while looking for matching `''\n", 2));
        }

        @Test
        void anOperatorWithNothingBeforeItIsReported() {
            assertThat(shell.run("&& help").stderr()).isEqualTo("bash: syntax error near unexpected token `&&'\n");
            assertThat(shell.run("help |").stderr()).isEqualTo("bash: syntax error: unexpected end of file\n");
        }

        @Test
        void aBackgroundJobSaysWhatToDoInstead() {
            CommandResult result = shell.run("help &");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).contains("run the command without &");
        }

        @Test
        void aSyntaxErrorRunsNothing() {
            CommandResult result = shell.run("exit; ;");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(shell.hasExited()).isFalse();
        }
    }

    @Nested
    @DisplayName("exit")
    class Exit {

        @Test
        void withoutAnArgumentLeavesWithTheLastStatus() {
            shell.run("nosuch");
            shell.run("exit");

            assertThat(shell.hasExited()).isTrue();
            assertThat(shell.lastExitCode()).isEqualTo(127);
        }

        @Test
        void takesTheStatusModulo256() {
            shell.run("exit 258");

            assertThat(shell.lastExitCode()).isEqualTo(2);
        }

        @Test
        void aNegativeStatusWrapsAsInBash() {
            shell.run("exit -1");

            assertThat(shell.lastExitCode()).isEqualTo(255);
        }

        @Test
        void aNonNumericStatusComplainsAndStillLeavesWith2() {
            CommandResult result = shell.run("exit soon");

            assertThat(result.stderr()).isEqualTo("bash: exit: soon: numeric argument required\n");
            assertThat(shell.hasExited()).isTrue();
            assertThat(shell.lastExitCode()).isEqualTo(2);
        }

        @Test
        void tooManyArgumentsStaysInTheShell() {
            CommandResult result = shell.run("exit 1 2");

            assertThat(result).isEqualTo(CommandResult.error("bash: exit: too many arguments\n", 1));
            assertThat(shell.hasExited()).isFalse();
        }

        @Test
        void stopsTheRestOfTheLine() {
            CommandResult result = shell.run("exit 3; help");

            assertThat(result.stdout()).isEmpty();
            assertThat(result.exitCode()).isEqualTo(3);
        }

        @Test
        void insideAPipeEndsOnlyThatSubshell() {
            shell.run("exit 4 | help exit");

            assertThat(shell.hasExited()).isFalse();
            assertThat(shell.lastExitCode()).isZero();
        }

        @Test
        void afterExitTheShellRefusesMoreLines() {
            shell.run("exit 5");

            CommandResult result = shell.run("help");

            assertThat(result.stdout()).isEmpty();
            assertThat(result.exitCode()).isEqualTo(5);
        }
    }

    @Nested
    @DisplayName("help")
    class Help {

        @Test
        void listsEveryCommandWithItsSummary() {
            CommandResult result = shell.run("help");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout())
                    .containsPattern("(?m)^  exit +Leave the shell")
                    .containsPattern("(?m)^  help +List the commands")
                    .containsPattern("(?m)^  grep .+ +Print the lines that match a pattern\\.$");
        }

        @Test
        void describesANamedCommand() {
            assertThat(shell.run("help exit").stdout()).isEqualTo(
                    "exit [n]\n    Leave the shell with status n, or with the last command's status if n is omitted.\n");
        }

        @Test
        void anUnknownTopicFailsWithStatus1() {
            CommandResult result = shell.run("help kubectl");

            assertThat(result.stderr()).startsWith("bash: help: no help topics match `kubectl'.");
            assertThat(result.exitCode()).isEqualTo(1);
        }
    }
}
