package org.laymanlabs.sandbox.shell.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;

@DisplayName("The coreutils")
class CoreutilsTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Workspace workspace = new Workspace();
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(Coreutils.sleep(clock)), workspace);

    @BeforeEach
    void aFewFiles() {
        workspace.write("/home/learner/fruit.txt", "banana\nApple\ncherry\napple\n");
        workspace.write("/home/learner/nums.txt", "10\n9\n100\n");
        workspace.mkdir("/home/learner/app", false);
    }

    @Test
    void catJoinsFilesAndReportsMissingOnes() {
        assertThat(shell.run("cat nums.txt missing nums.txt")).isEqualTo(new CommandResult(
                "10\n9\n100\n10\n9\n100\n", "cat: missing: No such file or directory\n", 1));
        assertThat(shell.run("cat app")).isEqualTo(CommandResult.error("cat: app: Is a directory\n", 1));
    }

    @Test
    void lsListsSideBySideOnTheTerminalAndOnePerLineIntoAPipe() {
        assertThat(shell.run("ls").stdout()).isEqualTo("app  fruit.txt  nums.txt\n");
        assertThat(shell.run("ls | cat").stdout()).isEqualTo("app\nfruit.txt\nnums.txt\n");
        assertThat(shell.run("ls -a app").stdout()).isEqualTo(".  ..\n");
        assertThat(shell.run("ls nope")).isEqualTo(CommandResult.error("ls: cannot access 'nope': No such file or directory\n", 2));
        assertThat(shell.run("ls -z").exitCode()).isEqualTo(2);
    }

    @Test
    void grepMatchesCountsAndInverts() {
        assertThat(shell.run("grep -i apple fruit.txt").stdout()).isEqualTo("Apple\napple\n");
        assertThat(shell.run("grep -c an fruit.txt").stdout()).isEqualTo("1\n");
        assertThat(shell.run("grep -vn a fruit.txt").stdout()).isEqualTo("2:Apple\n3:cherry\n");
        assertThat(shell.run("grep -E 'ban|che' fruit.txt").stdout()).isEqualTo("banana\ncherry\n");
        assertThat(shell.run("grep 'ban|che' fruit.txt")).isEqualTo(CommandResult.error("", 1));
        assertThat(shell.run("grep x missing").exitCode()).isEqualTo(2);
    }

    @Test
    void sortFollowsTheCLocaleAndSortsNumbers() {
        assertThat(shell.run("sort fruit.txt").stdout()).isEqualTo("Apple\napple\nbanana\ncherry\n");
        assertThat(shell.run("sort -n nums.txt").stdout()).isEqualTo("9\n10\n100\n");
        assertThat(shell.run("sort -rn nums.txt").stdout()).isEqualTo("100\n10\n9\n");
    }

    @Test
    void headTailAndWcCount() {
        assertThat(shell.run("head -n 2 fruit.txt").stdout()).isEqualTo("banana\nApple\n");
        assertThat(shell.run("tail -1 fruit.txt").stdout()).isEqualTo("apple\n");
        assertThat(shell.run("wc -l fruit.txt").stdout()).isEqualTo("4 fruit.txt\n");
        assertThat(shell.run("cat fruit.txt | wc -l").stdout()).isEqualTo("4\n");
        assertThat(shell.run("cat nums.txt | wc").stdout()).isEqualTo("      3       3       9\n");
    }

    @Test
    void mkdirRmAndTouchChangeTheWorkspace() {
        shell.run("mkdir -p a/b/c");
        shell.run("touch a/b/c/f");

        assertThat(workspace.exists("/home/learner/a/b/c/f")).isTrue();
        assertThat(shell.run("mkdir a")).isEqualTo(CommandResult.error("mkdir: cannot create directory 'a': File exists\n", 1));
        assertThat(shell.run("rm a")).isEqualTo(CommandResult.error("rm: cannot remove 'a': Is a directory\n", 1));
        assertThat(shell.run("rm -rf a nothing")).isEqualTo(CommandResult.ok(""));
        assertThat(workspace.exists("/home/learner/a")).isFalse();
    }

    @Test
    void sleepMovesTheVirtualClockInstead() {
        shell.run("sleep 1.5 2m");

        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-26T09:02:01.500Z"));
        assertThat(shell.run("sleep 3x").stderr()).startsWith("sleep: invalid time interval '3x'");
        assertThat(shell.run("sleep 2d").exitCode()).isEqualTo(1);
    }
}
