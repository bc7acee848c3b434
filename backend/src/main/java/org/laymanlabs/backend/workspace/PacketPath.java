package org.laymanlabs.backend.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packet's path read back from what the {@code trace} command printed, for the map to animate:
 * the namespaces it visited in order, each with what happened there and the iptables rules that
 * matched. The text is the tracer's own (TracePrinter), so the map shows what the terminal shows.
 *
 * @param title "The first packet:", "The answer:" or "The reset:"
 */
public record PacketPath(String title, List<Hop> hops) {

    private static final Pattern EVENT = Pattern.compile("^  (\\S+)\\s{2,}(\\S.*)$");
    private static final Pattern RULE = Pattern.compile("^\\s{6,}(raw|mangle|nat|filter|security) (.*)$");

    public PacketPath {
        hops = List.copyOf(hops);
    }

    /** One namespace visited: what happened there, line by line, and the rules that matched ("nat KUBE-SERVICES #1: …  => JUMP:…"). */
    public record Hop(String namespace, List<String> steps, List<String> rules) {
        public Hop {
            steps = List.copyOf(steps);
            rules = List.copyOf(rules);
        }
    }

    /** Every path in a trace's output (the packet, then the answer or the error); empty when it is not a trace. */
    public static List<PacketPath> read(String traceOutput) {
        List<PacketPath> paths = new ArrayList<>();
        String title = null;
        List<Hop> hops = new ArrayList<>();
        for (String line : traceOutput.split("\n")) {
            Matcher rule = RULE.matcher(line);
            Matcher event = EVENT.matcher(line);
            if (line.startsWith("The ") && line.endsWith(":")) {
                if (title != null) {
                    paths.add(new PacketPath(title, hops));
                }
                title = line;
                hops = new ArrayList<>();
            } else if (title != null && rule.matches() && !hops.isEmpty()) {
                Hop last = hops.remove(hops.size() - 1);
                List<String> rules = new ArrayList<>(last.rules());
                rules.add(rule.group(1) + " " + rule.group(2));
                hops.add(new Hop(last.namespace(), last.steps(), rules));
            } else if (title != null && event.matches()) {
                addStep(hops, event.group(1), event.group(2));
            }
        }
        if (title != null) {
            paths.add(new PacketPath(title, hops));
        }
        return paths;
    }

    private static void addStep(List<Hop> hops, String namespace, String step) {
        if (!hops.isEmpty() && hops.get(hops.size() - 1).namespace().equals(namespace)) {
            Hop last = hops.remove(hops.size() - 1);
            List<String> steps = new ArrayList<>(last.steps());
            steps.add(step);
            hops.add(new Hop(namespace, steps, last.rules()));
        } else {
            hops.add(new Hop(namespace, List.of(step), List.of()));
        }
    }
}
