package org.laymanlabs.sandbox.kube.controller.endpoint;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.LabelSelectors;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * What both endpoint controllers ask: which pods back a Service (its selector, in its namespace,
 * with an address), and which container port a Service port's targetPort names
 * (podutil.FindPort: a number as is, a name looked up in the pod's containers).
 */
final class ServiceBackends {

    private ServiceBackends() {
    }

    static boolean selects(Service service) {
        return service.getSpec().getSelector() != null && !service.getSpec().getSelector().isEmpty();
    }

    static List<Pod> pods(ApiServer api, Service service) {
        var selector = new io.fabric8.kubernetes.api.model.LabelSelector(null, service.getSpec().getSelector());
        return api.list(Pod.class, service.getMetadata().getNamespace()).stream()
                .filter(p -> LabelSelectors.matches(selector, p.getMetadata().getLabels()))
                .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
                .filter(p -> !"Succeeded".equals(p.getStatus().getPhase()) && !"Failed".equals(p.getStatus().getPhase()))
                .toList();
    }

    static Optional<Integer> targetPort(ServicePort port, Pod pod) {
        IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
        if (target.getIntVal() != null) {
            return Optional.of(target.getIntVal());
        }
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .filter(p -> target.getStrVal().equals(p.getName()) && p.getProtocol().equals(port.getProtocol()))
                .map(ContainerPort::getContainerPort).findFirst();
    }
}
