package org.laymanlabs.sandbox.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The REPL")
class ReplTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("on the command line")
    class Options {

        @Test
        void helpPrintsUsageAndExitsZero() throws IOException {
            int status = Repl.run(new String[] {"--help"}, false, print(out), print(err));

            assertThat(status).isZero();
            assertThat(out()).startsWith("Usage: java -jar layman-sandbox.jar [OPTIONS]");
            assertThat(err()).isEmpty();
        }

        @Test
        void anUnknownOptionIsAUsageErrorThatSaysWhereToLook() throws IOException {
            int status = Repl.run(new String[] {"--colour"}, false, print(out), print(err));

            assertThat(status).isEqualTo(2);
            assertThat(out()).isEmpty();
            assertThat(err()).isEqualTo("""
                    layman-sandbox: unknown option '--colour'
                    Try 'java -jar layman-sandbox.jar --help' for more information.
                    """);
        }
    }

    @Nested
    @DisplayName("with piped input")
    class Piped {

        private int feed(String script) throws IOException {
            PipedSession session = new PipedSession(Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z"))).shell(), print(out), print(err));
            return session.run(new BufferedReader(new StringReader(script)));
        }

        @Test
        void printsEachCommandsOutputWithoutPromptsAndEndsWithTheLastStatus() throws IOException {
            int status = feed("help exit\nnosuch\n");

            assertThat(out()).isEqualTo(
                    "exit [n]\n    Leave the shell with status n, or with the last command's status if n is omitted.\n");
            assertThat(err()).isEqualTo("bash: nosuch: command not found\n");
            assertThat(status).isEqualTo(127);
        }

        @Test
        void stopsReadingAtExitAndUsesItsStatus() throws IOException {
            int status = feed("exit 7\nhelp\n");

            assertThat(status).isEqualTo(7);
            assertThat(out()).isEmpty();
        }

        @Test
        void emptyInputExitsZero() throws IOException {
            assertThat(feed("")).isZero();
        }

        @Test
        void aCommandThatWouldFollowPrintsWhatExistsAndTheScriptGoesOn() throws IOException {
            int status = feed("docker run -d --name slow laymanlabs/slow-start >/dev/null 2>&1\n"
                    + "docker logs -f slow\necho after\n");

            assertThat(out()).isEqualTo("slow-start: warming up, ready in 20s\nafter\n");
            assertThat(status).isZero();
        }
    }
}
