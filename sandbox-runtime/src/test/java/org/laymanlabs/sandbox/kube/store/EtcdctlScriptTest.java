package org.laymanlabs.sandbox.kube.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/** Runs the scenario scripts in src/test/resources/.../etcdctl (their README explains the format). */
@DisplayName("etcdctl golden scenarios")
class EtcdctlScriptTest {

    private static final String DIR = "etcdctl/";

    static Stream<String> scripts() {
        return Stream.of("kv.txt", "bad-input.txt", "members.txt", "leader-failover.txt", "no-quorum.txt");
    }

    /** Just enough of bash's echo to pipe a value into etcdctl; the sandbox shell has none yet. */
    private static final class Echo implements Command {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String usage() {
            return "echo [arg ...]";
        }

        @Override
        public String summary() {
            return "Write arguments to the standard output.";
        }

        @Override
        public CommandResult run(Invocation invocation) {
            return CommandResult.ok(String.join(" ", invocation.args()) + "\n");
        }
    }

    /** One command of a script and everything it should print. */
    private record Step(String line, String stdout, String stderr, int exitCode, List<String> actions) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void printsWhatTheScriptExpects(String script) throws IOException {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
        EtcdCluster cluster = EtcdCluster.start(clock, new SplittableRandom(42));
        cluster.runUntil(() -> false, Duration.ofSeconds(3));
        CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(new EtcdctlCommand(cluster), new Echo()));

        for (Step step : parse(read(script))) {
            step.actions().forEach(action -> act(cluster, action));
            if (step.line() == null) {
                continue;
            }
            CommandResult result = shell.run(step.line());
            assertThat(result.stdout()).as("stdout of %s", step.line()).isEqualTo(step.stdout());
            assertThat(result.stderr()).as("stderr of %s", step.line()).isEqualTo(step.stderr());
            assertThat(result.exitCode()).as("status of %s", step.line()).isEqualTo(step.exitCode());
        }
    }

    private static void act(EtcdCluster cluster, String action) {
        String[] words = action.split(" ");
        switch (words[0]) {
            case "stop" -> cluster.stop(words[1]);
            case "start" -> cluster.start(words[1]);
            case "isolate" -> cluster.isolate(words[1]);
            case "heal" -> cluster.heal();
            case "wait" -> cluster.runUntil(() -> false, Duration.ofSeconds(Long.parseLong(words[1])));
            default -> throw new IllegalArgumentException("unknown action @ " + action);
        }
    }

    private static String read(String script) throws IOException {
        try (InputStream in = EtcdctlScriptTest.class.getResourceAsStream(DIR + script)) {
            assertThat(in).as(script).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        String line = null;
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = 0;
        for (String row : text.split("\n", -1)) {
            if (row.startsWith("$ ") || row.startsWith("@ ")) {
                if (line != null || !actions.isEmpty()) {
                    steps.add(new Step(line, out.toString(), err.toString(), status, List.copyOf(actions)));
                    actions.clear();
                }
                line = null;
                out.setLength(0);
                err.setLength(0);
                status = 0;
                if (row.startsWith("@ ")) {
                    actions.add(row.substring(2));
                } else {
                    line = row.substring(2);
                }
            } else if (row.startsWith("#")) {
                continue;
            } else if (row.startsWith("! ")) {
                err.append(row.substring(2)).append('\n');
            } else if (row.startsWith("? ")) {
                status = Integer.parseInt(row.substring(2));
            } else if (line != null) {
                out.append(row).append('\n');
            }
        }
        if (line != null) {
            String expected = out.toString();
            // The file's final newline is not an empty output line.
            expected = expected.endsWith("\n\n") || expected.equals("\n") ? expected.substring(0, expected.length() - 1) : expected;
            steps.add(new Step(line, expected, err.toString(), status, List.copyOf(actions)));
        }
        return steps;
    }
}
