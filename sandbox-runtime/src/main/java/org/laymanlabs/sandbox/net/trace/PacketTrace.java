package org.laymanlabs.sandbox.net.trace;

import java.util.ArrayList;
import java.util.List;

/** The steps one packet took, recorded as it went. */
public final class PacketTrace {

    private final List<TraceEvent> events = new ArrayList<>();

    public void record(TraceEvent event) {
        events.add(event);
    }

    public List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /** The hooks the packet passed, as {@code namespace:HOOK}, for quick assertions and summaries. */
    public List<String> hooks() {
        return events.stream()
                .filter(TraceEvent.Hooked.class::isInstance)
                .map(e -> e.namespace() + ":" + ((TraceEvent.Hooked) e).hook())
                .toList();
    }

    /** The namespaces the packet visited, in order, each once per visit. */
    public List<String> namespaces() {
        List<String> visited = new ArrayList<>();
        for (TraceEvent event : events) {
            String ns = event instanceof TraceEvent.Crossed crossed ? crossed.toNamespace() : event.namespace();
            if (visited.isEmpty() || !visited.get(visited.size() - 1).equals(ns)) {
                visited.add(ns);
            }
        }
        return visited;
    }
}
