package org.laymanlabs.backend.grading;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.trace.PacketTrace;
import org.laymanlabs.sandbox.net.trace.TraceEvent;

/**
 * Trace: opens one TCP connection, as the learner's {@code trace} command does, and looks at the
 * first packet's path: the iptables chains whose rules it matched (a chain ending in {@code *}
 * names every chain with that prefix, e.g. {@code KUBE-SEP-*}), and the pod it ended in.
 */
public record TraceCheck(String name, Origin from, String host, int port, Optional<String> crossesChain,
                         Map<String, String> endsAtPod) implements Check {

    public TraceCheck {
        endsAtPod = Map.copyOf(endsAtPod);
    }

    @Override
    public CheckResult evaluate(Sandbox sandbox) {
        Optional<NetworkNamespace> client = from.namespace(sandbox);
        if (client.isEmpty()) {
            return CheckResult.fail(name, expected(), "no running " + from.describe() + " to send it from");
        }
        Optional<Ipv4Address> address = sandbox.resolve(client.get(), host);
        if (address.isEmpty()) {
            return CheckResult.fail(name, expected(), "trace: could not resolve host: " + host);
        }
        Exchange exchange = sandbox.connect(client.get(), address.get(), port, "", RequestCheck.PATIENCE);
        PacketTrace path = exchange.request();
        Set<String> chains = chains(path);
        Optional<Pod> end = endPod(sandbox, exchange);
        boolean crosses = crossesChain.isEmpty() || chains.stream().anyMatch(this::named);
        boolean ends = endsAtPod.isEmpty() || end.map(p -> labelsOf(p).entrySet().containsAll(endsAtPod.entrySet()))
                .orElse(false);
        String found = "a packet that crossed " + (chains.isEmpty() ? "no iptables chain" : String.join(" → ", chains))
                + " and ended " + end.map(p -> "in pod " + p.getMetadata().getName() + " " + labelsOf(p))
                .orElse("in " + last(path.namespaces()));
        if (crosses && ends) {
            return CheckResult.pass(name, "Traced " + host + ":" + port + " from " + from.describe() + ": " + found + ".");
        }
        return CheckResult.fail(name, expected(), found);
    }

    private boolean named(String chain) {
        String want = crossesChain.orElseThrow();
        return want.endsWith("*") ? chain.startsWith(want.substring(0, want.length() - 1)) : chain.equals(want);
    }

    private String expected() {
        String crossing = crossesChain.map(c -> " to cross the chain " + c).orElse("");
        String ending = endsAtPod.isEmpty() ? "" : (crossing.isEmpty() ? " " : " and ") + "to end at a pod labelled " + endsAtPod;
        return "a packet from " + from.describe() + " to " + host + ":" + port + crossing + ending;
    }

    /** Every chain whose rules the packet matched, and every chain a matched rule jumped to, in order. */
    static Set<String> chains(PacketTrace path) {
        Set<String> chains = new LinkedHashSet<>();
        for (TraceEvent event : path.events()) {
            if (event instanceof TraceEvent.Hooked hooked) {
                for (TraceEvent.RuleHit hit : hooked.rules()) {
                    chains.add(hit.chain());
                }
            }
        }
        return chains;
    }

    /** Where the first packet was delivered (answered, or refused by the pod's own kernel). */
    private static Optional<Pod> endPod(Sandbox sandbox, Exchange exchange) {
        if (exchange instanceof Exchange.Answered answered) {
            return sandbox.podOf(answered.server());
        }
        String lastNamespace = last(exchange.request().namespaces());
        return sandbox.network().namespace(lastNamespace).flatMap(sandbox::podOf);
    }

    private static Map<String, String> labelsOf(Pod pod) {
        return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    }

    private static String last(List<String> namespaces) {
        return namespaces.isEmpty() ? "nowhere" : namespaces.get(namespaces.size() - 1);
    }
}
