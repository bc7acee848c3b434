package org.laymanlabs.sandbox.shell.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;

@DisplayName("File modes in the workspace: chmod, ls -l, cp, mv and running scripts")
class FileModesTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2025-06-12T10:00:00Z"));
    private final Workspace workspace = new Workspace(clock::now);
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(Coreutils.ls(clock)), workspace);

    private String ok(String line) {
        CommandResult result = shell.run(line);
        assertThat(result.exitCode()).as(line + " → " + result.stderr()).isZero();
        return result.stdout();
    }

    private String mode(String file) {
        return ok("ls -ld " + file).split(" ")[0];
    }

    @Nested
    @DisplayName("chmod")
    class Chmod {

        @Test
        void octalModesSetEveryBit() {
            ok("echo hi > a");
            ok("chmod 755 a");
            assertThat(mode("a")).isEqualTo("-rwxr-xr-x");
            ok("chmod 4750 a");
            assertThat(mode("a")).isEqualTo("-rwsr-x---");
            ok("chmod 0 a");
            assertThat(mode("a")).isEqualTo("----------");
        }

        @Test
        void symbolicModesAddRemoveAndSetForWhoIsNamed() {
            ok("echo hi > a");
            ok("chmod u+x a");
            assertThat(mode("a")).isEqualTo("-rwxr--r--");
            ok("chmod go-r,o+w a");
            assertThat(mode("a")).isEqualTo("-rwx----w-");
            ok("chmod a=r a");
            assertThat(mode("a")).isEqualTo("-r--r--r--");
            ok("chmod g=u,+t a");
            assertThat(mode("a")).isEqualTo("-r--r--r-T");
        }

        @Test
        void withoutWhoTheUmaskLimitsTheChange() {
            ok("echo hi > a");
            ok("chmod +x a");
            assertThat(mode("a")).isEqualTo("-rwxr-xr-x");
            ok("chmod 444 a");
            ok("chmod +w a");
            assertThat(mode("a")).isEqualTo("-rw-r--r--");
        }

        @Test
        void aChangeTheUmaskCutShortIsReportedAndFails() {
            ok("echo hi > a");
            ok("chmod 666 a");
            assertThat(shell.run("chmod -w a")).isEqualTo(
                    CommandResult.error("chmod: a: new permissions are r--rw-rw-, not r--r--r--\n", 1));
        }

        @Test
        void capitalXAddsExecuteToDirectoriesAndAlreadyExecutableFilesOnly() {
            ok("mkdir d && echo x > d/plain && echo y > d/tool && chmod 700 d/tool && chmod 600 d");
            ok("chmod -R go+X d");
            assertThat(mode("d")).isEqualTo("drw---x--x");
            assertThat(mode("d/plain")).isEqualTo("-rw-r--r--");
            assertThat(mode("d/tool")).isEqualTo("-rwx--x--x");
        }

        @Test
        void recursiveChangesEverythingBelow() {
            ok("mkdir -p site/css && echo a > site/index.html && echo b > site/css/x.css");
            ok("chmod -R o-r site");
            assertThat(mode("site")).isEqualTo("drwxr-x--x");
            assertThat(mode("site/css/x.css")).isEqualTo("-rw-r-----");
        }

        @Test
        void verboseSaysWhatChanged() {
            ok("echo hi > a");
            assertThat(ok("chmod -v 700 a")).isEqualTo("mode of 'a' changed from 0644 (rw-r--r--) to 0700 (rwx------)\n");
            assertThat(ok("chmod -c 700 a")).isEmpty();
        }

        @Test
        void badInputGetsGnuErrorsAndChangesNothing() {
            ok("echo hi > a");
            assertThat(shell.run("chmod")).isEqualTo(
                    CommandResult.error("chmod: missing operand\nTry 'chmod --help' for more information.\n", 1));
            assertThat(shell.run("chmod 755")).isEqualTo(CommandResult.error(
                    "chmod: missing operand after '755'\nTry 'chmod --help' for more information.\n", 1));
            assertThat(shell.run("chmod 8 a")).isEqualTo(CommandResult.error(
                    "chmod: invalid mode: '8'\nTry 'chmod --help' for more information.\n", 1));
            assertThat(shell.run("chmod u+q a")).isEqualTo(CommandResult.error(
                    "chmod: invalid mode: 'u+q'\nTry 'chmod --help' for more information.\n", 1));
            assertThat(shell.run("chmod 755 nope a")).isEqualTo(CommandResult.error(
                    "chmod: cannot access 'nope': No such file or directory\n", 1));
            assertThat(mode("a")).isEqualTo("-rwxr-xr-x");
            assertThat(shell.run("chmod -z 755 a").stderr()).isEqualTo(
                    "chmod: invalid option -- 'z'\nTry 'chmod --help' for more information.\n");
        }
    }

    @Nested
    @DisplayName("ls -l")
    class LongListingTest {

        @Test
        void showsModeLinksOwnerSizeAndTimeInAlignedColumns() {
            ok("mkdir app");
            ok("echo 'print(1)' > app.py");
            clock.advance(Duration.ofMinutes(5));
            ok("echo '#!/bin/sh' > run.sh && chmod +x run.sh");
            ok("mkdir app/sub");

            assertThat(ok("ls -l")).isEqualTo("""
                    total 12
                    drwxr-xr-x 3 learner learner 4096 Jun 12 10:05 app
                    -rw-r--r-- 1 learner learner    9 Jun 12 10:00 app.py
                    -rwxr-xr-x 1 learner learner   10 Jun 12 10:05 run.sh
                    """);
        }

        @Test
        void aFileOlderThanSixMonthsShowsItsYear() {
            ok("echo old > old.txt");
            clock.advance(Duration.ofDays(200));
            ok("echo new > new.txt");

            assertThat(ok("ls -l old.txt new.txt")).isEqualTo("""
                    -rw-r--r-- 1 learner learner 4 Dec 29 10:00 new.txt
                    -rw-r--r-- 1 learner learner 4 Jun 12  2025 old.txt
                    """);
        }

        @Test
        void humanSizesAndTheDirectoryItself() {
            shell.run("echo x > f");
            workspace.write("/home/learner/big", "x".repeat(5000));
            assertThat(ok("ls -lh big")).startsWith("-rw-r--r-- 1 learner learner 4.9K Jun 12 10:00 big");
            assertThat(ok("ls -ld /")).isEqualTo("drwxr-xr-x 3 root root 4096 Jun 12 10:00 /\n");
        }
    }

    @Nested
    @DisplayName("cp and mv")
    class CopyAndMove {

        @Test
        void cpKeepsTheExecuteBitLessTheUmaskAndMvKeepsTheModeAsItIs() {
            ok("echo '#!/bin/sh' > run.sh && chmod 777 run.sh");
            ok("cp run.sh copy.sh");
            ok("mv run.sh moved.sh");

            assertThat(mode("copy.sh")).isEqualTo("-rwxr-xr-x");
            assertThat(mode("moved.sh")).isEqualTo("-rwxrwxrwx");
            assertThat(ok("ls")).isEqualTo("copy.sh  moved.sh\n");
            ok("cp -p moved.sh kept.sh");
            assertThat(mode("kept.sh")).isEqualTo("-rwxrwxrwx");
        }

        @Test
        void cpIntoADirectoryAndRecursively() {
            ok("mkdir -p src/lib dest && echo a > src/a.txt && echo b > src/lib/b.txt");
            ok("cp src/a.txt dest");
            ok("cp -r src copy");
            ok("cp -r src dest");

            assertThat(ok("cat dest/a.txt copy/lib/b.txt dest/src/lib/b.txt")).isEqualTo("a\nb\nb\n");
        }

        @Test
        void mvRenamesAndMovesDirectories() {
            ok("mkdir -p src/lib && echo b > src/lib/b.txt && mkdir target");
            ok("mv src target/");
            assertThat(ok("cat target/src/lib/b.txt")).isEqualTo("b\n");
            assertThat(shell.run("ls src").exitCode()).isEqualTo(2);
        }

        @Test
        void badInputGetsGnuErrors() {
            ok("echo a > a && mkdir d");
            assertThat(shell.run("cp")).isEqualTo(
                    CommandResult.error("cp: missing file operand\nTry 'cp --help' for more information.\n", 1));
            assertThat(shell.run("mv a")).isEqualTo(CommandResult.error(
                    "mv: missing destination file operand after 'a'\nTry 'mv --help' for more information.\n", 1));
            assertThat(shell.run("cp nope x")).isEqualTo(
                    CommandResult.error("cp: cannot stat 'nope': No such file or directory\n", 1));
            assertThat(shell.run("cp d e")).isEqualTo(
                    CommandResult.error("cp: -r not specified; omitting directory 'd'\n", 1));
            assertThat(shell.run("cp a a")).isEqualTo(
                    CommandResult.error("cp: 'a' and 'a' are the same file\n", 1));
            assertThat(shell.run("cp a a x")).isEqualTo(
                    CommandResult.error("cp: target 'x' is not a directory\n", 1));
            assertThat(shell.run("cp -r d d/inner")).isEqualTo(
                    CommandResult.error("cp: cannot copy a directory, 'd', into itself, 'd/inner'\n", 1));
            assertThat(shell.run("mv d d/inner")).isEqualTo(
                    CommandResult.error("mv: cannot move 'd' to a subdirectory of itself, 'd/inner'\n", 1));
            assertThat(shell.run("cp a missing/x")).isEqualTo(CommandResult.error(
                    "cp: cannot create regular file 'missing/x': No such file or directory\n", 1));
            assertThat(shell.run("mv a missing/x")).isEqualTo(
                    CommandResult.error("mv: cannot move 'a' to 'missing/x': No such file or directory\n", 1));
            ok("mkdir e && mkdir e/a");
            assertThat(shell.run("cp a e")).isEqualTo(
                    CommandResult.error("cp: cannot overwrite directory 'e/a' with non-directory\n", 1));
            assertThat(ok("ls")).isEqualTo("a  d  e\n");
        }
    }

    @Nested
    @DisplayName("running a script by its path")
    class Executing {

        @Test
        void anExecutableScriptRunsInAChildShell() {
            ok("echo 'echo hello from $USER' > hi.sh");
            ok("chmod +x hi.sh");
            assertThat(shell.run("./hi.sh")).isEqualTo(CommandResult.ok("hello from learner\n"));
        }

        @Test
        void aScriptsStreamsReachTheTerminalInTheOrderWrittenWithItsNameAndLineInBashsMessages() {
            ok("echo 'echo one' > s.sh");
            ok("echo nope >> s.sh");
            ok("echo 'echo two >&2' >> s.sh");
            ok("echo 'cd /x' >> s.sh");
            ok("echo 'echo three' >> s.sh");
            ok("chmod +x s.sh");

            assertThat(shell.run("./s.sh")).isEqualTo(new CommandResult(List.of(
                    new OutputChunk(OutputChunk.Stream.STDOUT, "one\n"),
                    new OutputChunk(OutputChunk.Stream.STDERR, "./s.sh: line 2: nope: command not found\ntwo\n"
                            + "./s.sh: line 4: cd: /x: No such file or directory\n"),
                    new OutputChunk(OutputChunk.Stream.STDOUT, "three\n")), 0));
        }

        @Test
        void aScriptWithoutTheExecuteBitIsRefusedWith126() {
            ok("echo 'echo hi' > hi.sh");
            assertThat(shell.run("./hi.sh")).isEqualTo(CommandResult.error("bash: ./hi.sh: Permission denied\n", 126));
            assertThat(shell.run("./nope.sh")).isEqualTo(
                    CommandResult.error("bash: ./nope.sh: No such file or directory\n", 127));
            ok("mkdir d");
            assertThat(shell.run("./d")).isEqualTo(CommandResult.error("bash: ./d: Is a directory\n", 126));
        }
    }
}
