package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mirrors EndpointsDescriber.describeEndpoints in kubectl's describe.go (1.32): name, namespace,
 * labels and annotations, then each subset's ready and not-ready addresses (IPs only, comma
 * separated) and its ports, each subset followed by a blank line, then the events.
 */
final class EndpointsDescriber {

    private EndpointsDescriber() {
    }

    static String describe(Endpoints ep, List<Event> events, Instant now) {
        DescribeWriter w = new DescribeWriter();
        w.write(0, "Name:\t" + ep.getMetadata().getName() + "\n");
        w.write(0, "Namespace:\t" + ep.getMetadata().getNamespace() + "\n");
        w.labels("Labels", ep.getMetadata().getLabels());
        w.annotations("Annotations", ep.getMetadata().getAnnotations());
        w.write(0, "Subsets:\n");
        for (EndpointSubset subset : ep.getSubsets()) {
            w.write(1, "Addresses:\t" + ips(subset.getAddresses()) + "\n");
            w.write(1, "NotReadyAddresses:\t" + ips(subset.getNotReadyAddresses()) + "\n");
            if (!subset.getPorts().isEmpty()) {
                w.write(1, "Ports:\n");
                w.write(2, "Name\tPort\tProtocol\n");
                w.write(2, "----\t----\t--------\n");
                for (EndpointPort port : subset.getPorts()) {
                    String name = port.getName() == null || port.getName().isEmpty() ? "<unset>" : port.getName();
                    w.write(2, name + "\t" + port.getPort() + "\t" + port.getProtocol() + "\n");
                }
            }
            w.write(0, "\n");
        }
        if (events != null) {
            DescribeEvents.write(events, w, now);
        }
        return w.render();
    }

    private static String ips(List<EndpointAddress> addresses) {
        String joined = addresses.stream().map(EndpointAddress::getIp).collect(Collectors.joining(","));
        return joined.isEmpty() ? "<none>" : joined;
    }
}
