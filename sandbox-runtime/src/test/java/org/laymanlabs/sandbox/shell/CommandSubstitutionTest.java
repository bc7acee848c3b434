package org.laymanlabs.sandbox.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.workspace.Workspace;

/** Expected outputs were taken from bash 5.2.15 running the same lines. */
@DisplayName("Command substitution, like bash's,")
class CommandSubstitutionTest {

    /** Shows each argument it got in angle brackets, so that field splitting can be seen. */
    private static final Command ARGS = new Command() {
        @Override
        public String name() {
            return "args";
        }

        @Override
        public String usage() {
            return "args [WORD]...";
        }

        @Override
        public String summary() {
            return "Show the arguments.";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            return CommandResult.ok(invocation.args().size() + ":"
                    + invocation.args().stream().map(a -> "<" + a + ">").collect(Collectors.joining()) + "\n");
        }
    };

    /** Prints its stdin, with the blank lines around it, as printf '\n\nb c\n\n' would. */
    private static final Command LINES = new Command() {
        @Override
        public String name() {
            return "lines";
        }

        @Override
        public String usage() {
            return "lines";
        }

        @Override
        public String summary() {
            return "Print text between blank lines.";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            return CommandResult.ok("\n\n" + String.join(" ", invocation.args()) + "\n\n");
        }
    };

    private final Workspace workspace = new Workspace();
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(ARGS, LINES), workspace);

    @Test
    void replacesItselfWithTheOutputLessItsTrailingNewlines() {
        assertThat(shell.run("echo \"a$(lines b c)d\"").stdout()).isEqualTo("a\n\nb cd\n");
    }

    @Test
    void unquotedItIsSplitIntoWordsAtBlanksAndNewlines() {
        assertThat(shell.run("args x$(echo \" b  c \")y").stdout()).isEqualTo("4:<x><b><c><y>\n");
        assertThat(shell.run("args $(lines one two)").stdout()).isEqualTo("2:<one><two>\n");
    }

    @Test
    void insideDoubleQuotesItStaysOneWord() {
        assertThat(shell.run("args \"IP is $(echo '172.17.0.2  x')\"").stdout()).isEqualTo("1:<IP is 172.17.0.2  x>\n");
    }

    @Test
    void anEmptyUnquotedResultGivesNoWordButAQuotedOneGivesAnEmptyWord() {
        assertThat(shell.run("args $(true) a").stdout()).isEqualTo("1:<a>\n");
        assertThat(shell.run("args \"$(true)\" a").stdout()).isEqualTo("2:<><a>\n");
        assertThat(shell.run("args $UNSET a").stdout()).isEqualTo("1:<a>\n");
    }

    @Test
    void nestsAndBackquotesWorkToo() {
        assertThat(shell.run("echo \"$(echo \"$(echo nested)\")\"").stdout()).isEqualTo("nested\n");
        assertThat(shell.run("echo `echo \\`echo bq\\``").stdout()).isEqualTo("bq\n");
        assertThat(shell.run("echo \"`echo in quotes`\"").stdout()).isEqualTo("in quotes\n");
    }

    @Test
    void anAssignmentKeepsTheWholeOutputUnsplit() {
        assertThat(shell.run("X=$(echo 'a   b'); args \"$X\"; args $X").stdout()).isEqualTo("1:<a   b>\n2:<a><b>\n");
    }

    @Test
    void aLineWithNoCommandLeftHasTheSubstitutionsStatus() {
        assertThat(shell.run("x=$(exit 3); echo $?").stdout()).isEqualTo("3\n");
        assertThat(shell.run("$(exit 4); echo $?").stdout()).isEqualTo("4\n");
        assertThat(shell.run("y=$(false) z=$(exit 7); echo $?").stdout()).isEqualTo("7\n");
        assertThat(shell.run("echo $(exit 5); echo $?").stdout()).isEqualTo("\n0\n");
    }

    @Test
    void runsInASubshellThatChangesNothingOutside() {
        shell.run("X=before");
        assertThat(shell.run("echo $(X=inside; cd /; exit 1)$X; pwd").stdout()).isEqualTo("before\n/home/learner\n");
        assertThat(shell.hasExited()).isFalse();
    }

    @Test
    void itsErrorsReachTheTerminalAndItsOutputFeedsPipesAndFiles() {
        CommandResult result = shell.run("echo $(nosuch) x > out.txt; cat out.txt");
        assertThat(result.stderr()).isEqualTo("bash: nosuch: command not found\n");
        assertThat(result.stdout()).isEqualTo("x\n");
        shell.run("echo pod/web-1 > name");
        assertThat(shell.run("cat $(echo na)me | head -1").stdout()).isEqualTo("pod/web-1\n");
    }

    @Test
    void anUnterminatedSubstitutionIsASyntaxErrorAndRunsNothing() {
        CommandResult open = shell.run("echo hi; echo $(echo hi");
        assertThat(open.stderr()).isEqualTo("bash: unexpected EOF while looking for matching `)'\n");
        assertThat(open.stdout()).isEmpty();
        assertThat(open.exitCode()).isEqualTo(2);
        assertThat(shell.run("echo `echo hi").stderr())
                .isEqualTo("bash: unexpected EOF while looking for matching ``'\n");
        assertThat(shell.run("echo $(echo ')')").stdout()).isEqualTo(")\n");
    }

    @Test
    void absurdNestingIsRefusedUpFrontWhileOrdinaryNestingWorks() {
        assertThat(shell.run("echo $(echo $(echo $(echo deep)))").stdout()).isEqualTo("deep\n");

        CommandResult nested = shell.run("echo " + "$(".repeat(2_000) + "echo x" + ")".repeat(2_000));

        assertThat(nested.stderr()).isEqualTo("bash: command substitutions nested more than 32 deep\n");
        assertThat(nested.exitCode()).isEqualTo(2);
    }

    @Test
    void aSyntaxErrorInsideStopsTheWholeLine() {
        CommandResult result = shell.run("echo before; echo $(;)");
        assertThat(result.stderr()).isEqualTo("bash: syntax error near unexpected token `;'\n");
        assertThat(result.stdout()).isEmpty();
    }
}
