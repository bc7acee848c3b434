package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A command's result")
class CommandResultTest {

    private static final OutputChunk OUT = new OutputChunk(OutputChunk.Stream.STDOUT, "a\n");
    private static final OutputChunk ERR = new OutputChunk(OutputChunk.Stream.STDERR, "oops\n");

    @Test
    void keepsEachStreamApartForCallersThatReadThemSeparately() {
        CommandResult result = new CommandResult(List.of(OUT, ERR, OUT), 1);

        assertThat(result.stdout()).isEqualTo("a\na\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.terminal()).isEqualTo("a\noops\na\n");
    }

    @Test
    void mergesNeighbouringChunksOfOneStreamSoEqualOutputIsEqual() {
        CommandResult builtInPieces = new CommandResult(List.of(OUT, OUT, ERR), 0);

        assertThat(builtInPieces).isEqualTo(new CommandResult("a\na\n", "oops\n", 0));
        assertThat(builtInPieces.output()).hasSize(2);
    }

    @Test
    void theTwoStringFormPutsStdoutFirstAndDropsEmptyStreams() {
        assertThat(new CommandResult("x\n", "y\n", 0).output()).containsExactly(
                new OutputChunk(OutputChunk.Stream.STDOUT, "x\n"), new OutputChunk(OutputChunk.Stream.STDERR, "y\n"));
        assertThat(CommandResult.error("y\n", 2).output()).containsExactly(new OutputChunk(OutputChunk.Stream.STDERR, "y\n"));
    }

    @Test
    void theBuilderKeepsTheOrderItWasWrittenIn() {
        CommandResult.Builder builder = CommandResult.builder();
        builder.err("first\n");
        builder.out("");
        builder.out("second\n");

        assertThat(builder.build(3).output()).containsExactly(new OutputChunk(OutputChunk.Stream.STDERR, "first\n"),
                new OutputChunk(OutputChunk.Stream.STDOUT, "second\n"));
    }

    @Test
    void anExitCodeOutsideWhatBashReportsIsRejected() {
        assertThatThrownBy(() -> CommandResult.ok("").equals(new CommandResult("", "", 256)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
