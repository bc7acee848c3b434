package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mirrors framework.PodInfo: a pod with what the plugins ask of it worked out once (its
 * requests, the same with kube-scheduler's defaults for missing requests, its host ports), so
 * that a scheduling cycle over a thousand nodes never parses a Quantity.
 *
 * @param labels          the pod's labels; the cache hands out one shared copy per distinct set (see
 *                        {@link Cache}), so counting matching pods on a node reads memory that is already warm
 * @param terminating     it has a deletionTimestamp: spreading no longer counts it
 * @param nonZeroRequests the requests with 100m CPU and 200Mi memory for a container that asks
 *                        for none, as the scoring plugins count them so that best-effort pods still spread
 */
record PodInfo(Pod pod, String key, String namespace, Map<String, String> labels, boolean terminating, Resource requests,
                      Resource nonZeroRequests, List<HostPort> hostPorts) {

    static final long DEFAULT_MILLI_CPU_REQUEST = 100;
    static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

    /** One hostPort a container asks for; hostIP 0.0.0.0 clashes with every address. */
    public record HostPort(String ip, String protocol, int port) {

        boolean conflictsWith(HostPort other) {
            return port == other.port && protocol.equals(other.protocol)
                    && (ip.equals(other.ip) || ip.equals("0.0.0.0") || other.ip.equals("0.0.0.0"));
        }
    }

    public static PodInfo of(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return new PodInfo(pod, key(pod), pod.getMetadata().getNamespace(), labels == null ? Map.of() : labels,
                pod.getMetadata().getDeletionTimestamp() != null, requests(pod, false), requests(pod, true), hostPorts(pod));
    }

    public static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    /** The same pod with its namespace and labels replaced by equal, shared instances. */
    PodInfo sharing(String sharedNamespace, Map<String, String> sharedLabels) {
        return new PodInfo(pod, key, sharedNamespace, sharedLabels, terminating, requests, nonZeroRequests, hostPorts);
    }

    public int priority() {
        Integer priority = pod.getSpec().getPriority();
        return priority == null ? 0 : priority;
    }

    /**
     * Mirrors resourcehelper.PodRequests: the containers' requests added up, at least as much as
     * any init container needs on its own (sidecars, restartPolicy Always, count alongside), plus
     * the pod's overhead.
     */
    static Resource requests(Pod pod, boolean nonZero) {
        Resource sum = Resource.ZERO;
        for (Container container : pod.getSpec().getContainers()) {
            sum = sum.plus(containerRequests(container, nonZero));
        }
        Resource sidecars = Resource.ZERO;
        Resource init = Resource.ZERO;
        for (Container container : list(pod.getSpec().getInitContainers())) {
            Resource own = containerRequests(container, nonZero);
            if ("Always".equals(container.getRestartPolicy())) {
                sum = sum.plus(own);
                sidecars = sidecars.plus(own);
                init = init.max(sidecars);
            } else {
                init = init.max(own.plus(sidecars));
            }
        }
        sum = sum.max(init);
        return pod.getSpec().getOverhead() == null ? sum : sum.plus(Resource.of(pod.getSpec().getOverhead()));
    }

    private static Resource containerRequests(Container container, boolean nonZero) {
        Map<String, Quantity> requests = container.getResources() == null ? null : container.getResources().getRequests();
        Resource own = Resource.of(requests);
        if (!nonZero) {
            return own;
        }
        boolean cpu = requests != null && requests.containsKey("cpu");
        boolean memory = requests != null && requests.containsKey("memory");
        return new Resource(cpu ? own.milliCpu() : DEFAULT_MILLI_CPU_REQUEST, memory ? own.memory() : DEFAULT_MEMORY_REQUEST,
                own.ephemeralStorage(), own.scalar());
    }

    private static List<HostPort> hostPorts(Pod pod) {
        List<HostPort> ports = new ArrayList<>();
        for (Container container : pod.getSpec().getContainers()) {
            for (ContainerPort port : list(container.getPorts())) {
                if (port.getHostPort() != null && port.getHostPort() > 0) {
                    String ip = port.getHostIP() == null || port.getHostIP().isEmpty() ? "0.0.0.0" : port.getHostIP();
                    String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                    ports.add(new HostPort(ip, protocol, port.getHostPort()));
                }
            }
        }
        return List.copyOf(ports);
    }

    private static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }
}
