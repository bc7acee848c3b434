package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * Mirrors describe.DescribeEvents and searchEvents: the Events whose involvedObject is this object
 * (by name, namespace and uid), sorted by last timestamp, as "Type Reason Age From Message" with
 * "27s (x5 over 2m37s)" for repeated events.
 */
final class DescribeEvents {

    private DescribeEvents() {
    }

    static List<Event> of(HasMetadata object, ApiServer api) {
        String namespace = object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace();
        return api.list(Event.class, namespace).stream()
                .filter(e -> e.getInvolvedObject() != null && object.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .filter(e -> namespace.isEmpty() || namespace.equals(e.getInvolvedObject().getNamespace()))
                .filter(e -> object.getMetadata().getUid() == null || object.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
                .sorted(Comparator.comparing(DescribeEvents::last))
                .toList();
    }

    private static String last(Event e) {
        if (e.getLastTimestamp() != null && !e.getLastTimestamp().isEmpty()) {
            return e.getLastTimestamp();
        }
        return e.getEventTime() == null || e.getEventTime().getTime() == null ? "" : e.getEventTime().getTime();
    }

    static void write(List<Event> events, DescribeWriter w, Instant now) {
        if (events.isEmpty()) {
            w.write(0, "Events:\t<none>\n");
            return;
        }
        w.flush();
        w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        w.write(1, "----\t------\t----\t----\t-------\n");
        for (Event e : events) {
            String first = e.getEventTime() != null && e.getEventTime().getTime() != null && !e.getEventTime().getTime().isEmpty()
                    ? Age.since(e.getEventTime().getTime(), now) : Age.since(e.getFirstTimestamp(), now);
            String interval;
            if (e.getSeries() != null) {
                interval = Age.since(e.getSeries().getLastObservedTime().getTime(), now) + " (x" + e.getSeries().getCount() + " over " + first + ")";
            } else if (e.getCount() != null && e.getCount() > 1) {
                interval = Age.since(e.getLastTimestamp(), now) + " (x" + e.getCount() + " over " + first + ")";
            } else {
                interval = first;
            }
            String source = e.getSource() != null && e.getSource().getComponent() != null && !e.getSource().getComponent().isEmpty()
                    ? e.getSource().getComponent() : ClusterRows.nz(e.getReportingComponent());
            w.write(1, ClusterRows.nz(e.getType()) + "\t" + ClusterRows.nz(e.getReason()) + "\t" + interval + "\t" + source + "\t"
                    + ClusterRows.nz(e.getMessage()).strip() + "\n");
        }
    }
}
