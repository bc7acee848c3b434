package org.laymanlabs.sandbox.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.workspace.Workspace;

@DisplayName("The sandbox shell, like bash,")
class ShellFeaturesTest {

    private final Workspace workspace = new Workspace();
    /** Prints a variable as the command sees it (MODE unless named), the way a program reads its environment. */
    private static final Command PRINTVAR = new Command() {
        @Override
        public String name() {
            return "printvar";
        }

        @Override
        public String usage() {
            return "printvar [NAME]";
        }

        @Override
        public String summary() {
            return "Print a variable.";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            String name = invocation.args().isEmpty() ? "MODE" : invocation.args().get(0);
            return CommandResult.ok(invocation.shell().variable(name).orElse("") + "\n");
        }
    };

    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(java.util.List.of(PRINTVAR), workspace);

    @Nested
    @DisplayName("expands parameters when each command runs")
    class Parameters {

        @Test
        void dollarQuestionIsThePreviousCommandsStatus() {
            assertThat(shell.run("false; echo $?").stdout()).isEqualTo("1\n");
            assertThat(shell.run("nosuch 2>/dev/null; echo $?").stdout()).isEqualTo("127\n");
        }

        @Test
        void anAssignmentSetsAVariableForLaterCommands() {
            assertThat(shell.run("NAME=web; echo \"hello $NAME\" ${NAME}x").stdout()).isEqualTo("hello web webx\n");
            assertThat(shell.run("echo $NAME").stdout()).isEqualTo("web\n");
        }

        @Test
        void aPrefixAssignmentHoldsForThatCommandOnly() {
            shell.run("MODE=old");

            assertThat(shell.run("MODE=new printvar").stdout()).isEqualTo("new\n");
            assertThat(shell.run("printvar").stdout()).isEqualTo("old\n");
            assertThat(shell.run("GONE=soon printvar GONE; printvar GONE").stdout()).isEqualTo("soon\n\n");
        }

        @Test
        void singleQuotesKeepTheDollarSign() {
            assertThat(shell.run("echo '$HOME' \"$HOME\"").stdout()).isEqualTo("$HOME /home/learner\n");
        }

        @Test
        void anUnsetVariableExpandsToNothing() {
            assertThat(shell.run("echo [$NOPE]").stdout()).isEqualTo("[]\n");
        }

        @Test
        void exportSetsAndRejectsBadNames() {
            shell.run("export KUBECONFIG=~/config");

            assertThat(shell.run("echo $KUBECONFIG").stdout()).isEqualTo("~/config\n");
            assertThat(shell.run("export 1x=2")).isEqualTo(CommandResult.error("bash: export: `1x=2': not a valid identifier\n", 1));
        }

        @Test
        void aBadSubstitutionIsASyntaxError() {
            assertThat(shell.run("echo ${A-B}")).isEqualTo(CommandResult.error("bash: ${A-B}: bad substitution\n", 2));
        }
    }

    @Nested
    @DisplayName("redirects into the workspace")
    class Redirection {

        @Test
        void greaterThanWritesAndDoubleAppends() {
            shell.run("echo one > notes.txt");
            shell.run("echo two >> notes.txt");

            assertThat(workspace.read("/home/learner/notes.txt")).isEqualTo("one\ntwo\n");
            assertThat(shell.run("cat < notes.txt").stdout()).isEqualTo("one\ntwo\n");
        }

        @Test
        void stderrCanGoToAFileToNullOrJoinStdout() {
            shell.run("cat missing 2> err.txt");

            assertThat(workspace.read("/home/learner/err.txt")).isEqualTo("cat: missing: No such file or directory\n");
            assertThat(shell.run("cat missing 2>/dev/null")).isEqualTo(CommandResult.error("", 1));
            assertThat(shell.run("cat missing 2>&1 | wc -l").stdout()).isEqualTo("1\n");
        }

        @Test
        void twoGreaterThanAmpersandOneFollowsStdoutWhereverItPointsThen() {
            assertThat(shell.run("cat missing >/dev/null 2>&1")).isEqualTo(CommandResult.error("", 1));
            assertThat(shell.run("cat missing 2>&1 >/dev/null"))
                    .isEqualTo(new CommandResult("cat: missing: No such file or directory\n", "", 1));
            shell.run("cat missing > both.txt 2>&1");
            assertThat(workspace.read("/home/learner/both.txt")).isEqualTo("cat: missing: No such file or directory\n");
            assertThat(shell.run("echo oops >&2")).isEqualTo(new CommandResult("", "oops\n", 0));
            assertThat(shell.run("echo oops > /dev/stderr")).isEqualTo(new CommandResult("", "oops\n", 0));
        }

        @Test
        void aMissingInputFileStopsTheCommand() {
            assertThat(shell.run("cat < nope")).isEqualTo(CommandResult.error("bash: nope: No such file or directory\n", 1));
        }

        @Test
        void aTargetInAMissingDirectoryFailsBeforeTheCommandRuns() {
            assertThat(shell.run("mkdir made > nodir/out")).isEqualTo(
                    CommandResult.error("bash: nodir/out: No such file or directory\n", 1));
            assertThat(workspace.exists("/home/learner/made")).isFalse();
        }

        @Test
        void outputIntoAFileTruncatesItFirst() {
            shell.run("echo data > f");

            shell.run("cat f > f");

            assertThat(workspace.read("/home/learner/f")).isEmpty();
        }

        @Test
        void aRedirectionWithoutATargetIsASyntaxError() {
            assertThat(shell.run("echo hi >")).isEqualTo(
                    CommandResult.error("bash: syntax error near unexpected token `newline'\n", 2));
        }
    }

    @Nested
    @DisplayName("keeps a working directory")
    class WorkingDirectory {

        @Test
        void cdMovesRelativePathsAndPwdShowsIt() {
            shell.run("mkdir -p app/src");
            shell.run("cd app/src");
            shell.run("echo x > main.py");

            assertThat(shell.run("pwd").stdout()).isEqualTo("/home/learner/app/src\n");
            assertThat(workspace.exists("/home/learner/app/src/main.py")).isTrue();
            assertThat(shell.run("cd ../..; pwd").stdout()).isEqualTo("/home/learner\n");
            assertThat(shell.run("cd app; cd; pwd").stdout()).isEqualTo("/home/learner\n");
        }

        @Test
        void cdIntoAFileOrNothingFails() {
            shell.run("touch f");

            assertThat(shell.run("cd f")).isEqualTo(CommandResult.error("bash: cd: f: Not a directory\n", 1));
            assertThat(shell.run("cd nope")).isEqualTo(CommandResult.error("bash: cd: nope: No such file or directory\n", 1));
        }

        @Test
        void cdInsideAPipeDoesNotMoveTheShell() {
            shell.run("mkdir d");

            shell.run("cd d | cat");

            assertThat(shell.run("pwd").stdout()).isEqualTo("/home/learner\n");
        }
    }
}
