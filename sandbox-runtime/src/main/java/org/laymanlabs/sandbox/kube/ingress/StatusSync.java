package org.laymanlabs.sandbox.kube.ingress;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;

/**
 * Mirrors internal/ingress/status/status.go with --report-node-internal-ip-address, as minikube's
 * ingress add-on runs the controller: the address written to every Ingress of the class is the
 * InternalIP of the node the controller's pod runs on (what {@code kubectl get ingress} shows
 * as ADDRESS). A new or changed Ingress also gets the controller's "Sync" event.
 */
final class StatusSync {

    private final ApiServer api;
    private final String podNamespace;
    private final String podName;
    private final EventRecorder events;
    private final Map<String, Long> synced = new HashMap<>();

    StatusSync(ApiServer api, String podNamespace, String podName) {
        this.api = api;
        this.podNamespace = podNamespace;
        this.podName = podName;
        this.events = new EventRecorder(api, "nginx-ingress-controller", "");
    }

    void sync(List<Ingress> ingresses) {
        List<IngressLoadBalancerIngress> address = address().map(ip -> List.of(new IngressLoadBalancerIngressBuilder()
                .withIp(ip).build())).orElse(List.of());
        for (Ingress ing : ingresses) {
            Long generation = ing.getMetadata().getGeneration() == null ? 0L : ing.getMetadata().getGeneration();
            if (!generation.equals(synced.put(ing.getMetadata().getUid(), generation))) {
                events.event(ing, EventRecorder.Type.Normal, "Sync", "Scheduled for sync");
            }
            if (address.isEmpty() || current(ing).equals(address)) {
                continue;
            }
            api.updateStatus(new IngressBuilder(ing).editOrNewStatus().withNewLoadBalancer().withIngress(address)
                    .endLoadBalancer().endStatus().build());
        }
    }

    private static List<IngressLoadBalancerIngress> current(Ingress ing) {
        if (ing.getStatus() == null || ing.getStatus().getLoadBalancer() == null
                || ing.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return ing.getStatus().getLoadBalancer().getIngress();
    }

    /** runningAddresses: the controller pod's node, by its InternalIP. */
    private Optional<String> address() {
        return api.get(Pod.class, podNamespace, podName).map(p -> p.getSpec().getNodeName())
                .flatMap(node -> api.get(Node.class, "", node))
                .flatMap(node -> node.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType()))
                        .map(a -> a.getAddress()).findFirst());
    }
}
