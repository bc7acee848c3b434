package org.laymanlabs.sandbox.net.trace;

import java.util.ArrayList;
import java.util.List;

/** The steps one packet took, recorded as it went. */
public final class PacketTrace {

    private final List<TraceEvent> events = new ArrayList<>();
    private final boolean recording;

    public PacketTrace() {
        this(true);
    }

    private PacketTrace(boolean recording) {
        this.recording = recording;
    }

    /**
     * A trace that keeps nothing, for a packet nobody will look at (the kubelet's probes): the
     * packet still takes its whole path, counters and conntrack included; only the trace's
     * words are not written.
     */
    public static PacketTrace discarding() {
        return new PacketTrace(false);
    }

    /** Whether events are kept: a sender may skip formatting what would be thrown away. */
    public boolean recording() {
        return recording;
    }

    public void record(TraceEvent event) {
        if (recording) {
            events.add(event);
        }
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
