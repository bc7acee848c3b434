package org.laymanlabs.sandbox.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.workspace.Workspace;

@DisplayName("Pathname expansion follows bash's rules")
class GlobExpansionTest {

    private final Workspace workspace = new Workspace();
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(), workspace);

    @BeforeEach
    void files() {
        for (String name : List.of("b.txt", "a.txt", "c.md", ".hidden.txt", "a1", "a2", "ab", "B.txt")) {
            workspace.write(Workspace.HOME + "/" + name, name);
        }
        workspace.mkdir(Workspace.HOME + "/docs", false);
        workspace.mkdir(Workspace.HOME + "/docs/api", false);
        workspace.write(Workspace.HOME + "/docs/x.txt", "");
        workspace.write(Workspace.HOME + "/docs/api/y.txt", "");
    }

    private String echo(String words) {
        return shell.run("echo " + words).stdout();
    }

    @Test
    void aStarMatchesEveryNameButDotfilesSortedInTheCLocale() {
        assertThat(echo("*.txt")).isEqualTo("B.txt a.txt b.txt\n");
        assertThat(echo("*")).isEqualTo("B.txt a.txt a1 a2 ab b.txt c.md docs\n");
    }

    @Test
    void aLeadingDotMustBeTypedToMatchDotfiles() {
        assertThat(echo(".*.txt")).isEqualTo(".hidden.txt\n");
    }

    @Test
    void questionMarksAndBracketExpressions() {
        assertThat(echo("a?")).isEqualTo("a1 a2 ab\n");
        assertThat(echo("a[12]")).isEqualTo("a1 a2\n");
        assertThat(echo("a[!1]")).isEqualTo("a2 ab\n");
        assertThat(echo("a[^0-1]")).isEqualTo("a2 ab\n");
        assertThat(echo("a[[:digit:]]")).isEqualTo("a1 a2\n");
        assertThat(echo("[a-c].*")).isEqualTo("a.txt b.txt c.md\n");
    }

    @Test
    void aPatternThatMatchesNothingStaysAsTyped() {
        assertThat(echo("*.java")).isEqualTo("*.java\n");
        assertThat(echo("nope/*")).isEqualTo("nope/*\n");
        assertThat(echo("a[")).isEqualTo("a[\n");
    }

    @Test
    void quotedOrEscapedGlobCharactersAreLiteral() {
        assertThat(echo("'*.txt'")).isEqualTo("*.txt\n");
        assertThat(echo("\"*.txt\"")).isEqualTo("*.txt\n");
        assertThat(echo("\\*.txt")).isEqualTo("*.txt\n");
        assertThat(echo("a'?'")).isEqualTo("a?\n");
    }

    @Test
    void patternsSpanDirectoriesAndKeepTheirSpelling() {
        assertThat(echo("docs/*")).isEqualTo("docs/api docs/x.txt\n");
        assertThat(echo("*/*.txt")).isEqualTo("docs/x.txt\n");
        assertThat(echo("docs/*/*.txt")).isEqualTo("docs/api/y.txt\n");
        assertThat(echo("*/")).isEqualTo("docs/\n");
        assertThat(echo("/home/learner/a?")).isEqualTo("/home/learner/a1 /home/learner/a2 /home/learner/ab\n");
        assertThat(echo("./c*")).isEqualTo("./c.md\n");
    }

    @Test
    void anUnquotedVariableIsExpandedAndThenGlobbedButAQuotedOneIsNot() {
        shell.run("P='*.md'");
        assertThat(echo("$P")).isEqualTo("c.md\n");
        assertThat(echo("\"$P\"")).isEqualTo("*.md\n");
    }

    @Test
    void rmWithAGlobRemovesEveryMatch() {
        assertThat(shell.run("rm -r docs/*").exitCode()).isZero();
        assertThat(shell.run("ls -A docs").stdout()).isEmpty();
        assertThat(shell.run("rm *.txt").exitCode()).isZero();
        assertThat(shell.run("ls -A").stdout()).isEqualTo(".hidden.txt  a1  a2  ab  c.md  docs\n");
    }

    @Test
    void aLineStartedWithASinkIsExpandedAsARunLineIs() {
        CommandResult.Builder screen = CommandResult.builder();

        RunningCommand line = shell.start("echo *.md docs/*.txt", screen);

        assertThat(line.result()).isEqualTo(CommandResult.ok("c.md docs/x.txt\n"));
        assertThat(screen.build(0).terminal()).isEqualTo("c.md docs/x.txt\n");
    }

    @Test
    void assignmentsAreNotGlobbed() {
        shell.run("X=*.txt");
        assertThat(echo("\"$X\"")).isEqualTo("*.txt\n");
    }
}
