package org.laymanlabs.sandbox.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shell keeps stdout and stderr in the order they were written")
class OrderedOutputTest {

    private final Workspace workspace = new Workspace();
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(new Chatty()), workspace);

    private static OutputChunk out(String text) {
        return new OutputChunk(OutputChunk.Stream.STDOUT, text);
    }

    private static OutputChunk err(String text) {
        return new OutputChunk(OutputChunk.Stream.STDERR, text);
    }

    @Test
    void onTheTerminalBothStreamsInterleaveAsWritten() {
        assertThat(shell.run("chatty").output()).containsExactly(out("one\n"), err("warning\n"), out("two\n"));
    }

    @Test
    void stderrJoinedToStdoutKeepsItsPlace() {
        assertThat(shell.run("chatty 2>&1")).isEqualTo(CommandResult.ok("one\nwarning\ntwo\n"));
    }

    @Test
    void aFileGetsBothStreamsInOrder() {
        shell.run("chatty > log 2>&1");

        assertThat(workspace.read("/home/learner/log")).isEqualTo("one\nwarning\ntwo\n");
    }

    @Test
    void joinedStreamsGoDownAPipeInOrder() {
        assertThat(shell.run("chatty 2>&1 | cat").stdout()).isEqualTo("one\nwarning\ntwo\n");
    }

    @Test
    void aStageStderrReachesTheTerminalBeforeTheNextStageWrites() {
        assertThat(shell.run("chatty | cat").output()).containsExactly(err("warning\n"), out("one\ntwo\n"));
    }

    @Test
    void devNullLeavesTheOtherStreamInPlace() {
        assertThat(shell.run("chatty >/dev/null").output()).containsExactly(err("warning\n"));
        assertThat(shell.run("chatty 2>/dev/null").output()).containsExactly(out("one\ntwo\n"));
        assertThat(shell.run("chatty 2>&1 >/dev/null").output()).containsExactly(out("warning\n"));
    }

    @Test
    void aListKeepsEachCommandsOrder() {
        assertThat(shell.run("chatty; echo three").output())
                .containsExactly(out("one\n"), err("warning\n"), out("two\nthree\n"));
    }

    /** Writes a line to stdout, one to stderr, and another to stdout, in that order. */
    private static final class Chatty implements Command {

        @Override
        public String name() {
            return "chatty";
        }

        @Override
        public String usage() {
            return "chatty";
        }

        @Override
        public String summary() {
            return "Talk on both streams.";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            CommandResult.Builder result = CommandResult.builder();
            result.out("one\n");
            result.err("warning\n");
            result.out("two\n");
            return result.build(0);
        }
    }
}
