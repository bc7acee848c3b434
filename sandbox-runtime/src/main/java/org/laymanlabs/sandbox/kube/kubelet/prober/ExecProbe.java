package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mirrors kubernetes pkg/probe/exec/exec.go: exit code 0 succeeds, any other fails with the
 * command's combined output (at most 10 KiB); a command that outlives timeoutSeconds fails with
 * cri-client's {@code command "…" timed out}; an exec that could not run at all is an error. The
 * command's $(VAR) references are expanded from the container's literal env first, as
 * kubecontainer.ExpandContainerCommandOnlyStatic does.
 */
final class ExecProbe {

    static final int MAX_OUTPUT_BYTES = 10 * 1024;

    private ExecProbe() {
    }

    static ProbeOutcome probe(ProbeTarget target, List<String> command, Container container, String containerId, Duration timeout) {
        List<String> expanded = expand(command, container.getEnv());
        ProbeTarget.ExecOutcome outcome = target.exec(containerId, expanded, timeout);
        if (outcome.error().isPresent()) {
            String error = outcome.error().get();
            if (error.contains("code = DeadlineExceeded") || error.endsWith("context deadline exceeded")) {
                // remote_runtime.go turns gRPC's DeadlineExceeded into a TimeoutError, which exec.go reports as a failure.
                return ProbeOutcome.failure("command " + quote(String.join(" ", expanded)) + " timed out").took(timeout);
            }
            return ProbeOutcome.error(error);
        }
        String output = limited(outcome.output());
        return outcome.exitCode() == 0 ? ProbeOutcome.success(output) : ProbeOutcome.failure(output);
    }

    /** third_party/forked/golang/expansion Expand: $(VAR) from the env's literal values, $$ for a dollar, anything else kept. */
    static List<String> expand(List<String> command, List<EnvVar> env) {
        Map<String, String> values = new HashMap<>();
        (env == null ? List.<EnvVar>of() : env).forEach(e -> values.put(e.getName(), e.getValue() == null ? "" : e.getValue()));
        return command.stream().map(arg -> expand(arg, values)).toList();
    }

    private static String expand(String input, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int checkpoint = 0;
        for (int cursor = 0; cursor < input.length(); cursor++) {
            if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
                continue;
            }
            out.append(input, checkpoint, cursor);
            char next = input.charAt(cursor + 1);
            int close = input.indexOf(')', cursor + 2);
            if (next == '$') {
                out.append('$');
            } else if (next == '(' && close >= 0) {
                String name = input.substring(cursor + 2, close);
                out.append(values.containsKey(name) ? values.get(name) : "$(" + name + ")");
                cursor = close - 1;
            } else {
                out.append('$').append(next);
            }
            cursor += 1;
            checkpoint = cursor + 1;
        }
        return out.append(input.substring(checkpoint)).toString();
    }

    private static String limited(String output) {
        byte[] bytes = (output == null ? "" : output).getBytes(StandardCharsets.UTF_8);
        return bytes.length <= MAX_OUTPUT_BYTES ? new String(bytes, StandardCharsets.UTF_8)
                : new String(Arrays.copyOf(bytes, MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
