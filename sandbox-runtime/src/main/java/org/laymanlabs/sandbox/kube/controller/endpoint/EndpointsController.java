package org.laymanlabs.sandbox.kube.controller.endpoint;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.PodStatuses;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;
import org.laymanlabs.sandbox.kube.controller.ControllerRefs;
import org.laymanlabs.sandbox.kube.controller.Writes;

/**
 * Mirrors pkg/controller/endpoint/endpoints_controller.go: for every Service with a selector, an
 * Endpoints object of the same name lists the selected pods' addresses, ready ones under
 * "addresses" and the rest under "notReadyAddresses", with the target ports resolved.
 */
public final class EndpointsController implements Controller {

    private final ApiServer api;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();

    public EndpointsController(ApiServer api) {
        this.api = api;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        long from = api.resourceVersion();
        watches.add(api.watch(ApiResources.SERVICES, "", from, e -> queue.add(ControllerRefs.key(e.object()))));
        watches.add(api.watch(ApiResources.PODS, "", from, e -> api.list(Service.class, e.object().getMetadata().getNamespace())
                .forEach(s -> queue.add(ControllerRefs.key(s)))));
        api.list(Service.class, "").forEach(s -> queue.add(ControllerRefs.key(s)));
    }

    @Override
    public void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
        queue.stop();
    }

    private void sync(String key, WorkQueue.Done done) {
        String ns = ControllerRefs.namespaceOf(key);
        String name = ControllerRefs.nameOf(key);
        Optional<Service> service = api.get(Service.class, ns, name);
        Optional<Endpoints> current = api.get(Endpoints.class, ns, name);
        if (service.isEmpty() || !ServiceBackends.selects(service.get())) {
            if (service.isEmpty() && current.isPresent()) {
                api.delete(ApiResources.ENDPOINTS, ns, name, DeletionPropagation.BACKGROUND, null)
                        .whenComplete((ok, failure) -> done.success());
            } else {
                done.success();
            }
            return;
        }
        List<EndpointSubset> subsets = subsets(service.get());
        Endpoints wanted = new EndpointsBuilder().withNewMetadata().withName(name).withNamespace(ns)
                .withLabels(service.get().getMetadata().getLabels()).endMetadata().withSubsets(subsets).build();
        if (current.isEmpty()) {
            Writes.finish(List.of(api.create(wanted)), done);
        } else if (!Objects.equals(current.get().getSubsets(), subsets)
                || !Objects.equals(current.get().getMetadata().getLabels(), wanted.getMetadata().getLabels())) {
            Endpoints updated = updated(current.get(), wanted.getMetadata().getLabels(), subsets);
            Writes.finish(List.of(api.update(updated)), done);
        } else {
            done.success();
        }
    }

    /**
     * The update's body: the cached object's own fields with the new labels and subsets. The API
     * server copies what it is given before it changes anything, so only the metadata, whose
     * labels change, is copied here, not the whole object.
     */
    private static Endpoints updated(Endpoints current, Map<String, String> labels, List<EndpointSubset> subsets) {
        Endpoints updated = new Endpoints();
        updated.setApiVersion(current.getApiVersion());
        updated.setKind(current.getKind());
        updated.setMetadata(new ObjectMetaBuilder(current.getMetadata()).withLabels(labels).build());
        updated.setSubsets(subsets);
        updated.setAdditionalProperties(current.getAdditionalProperties());
        return updated;
    }

    /** One subset for all ports when every pod serves them all, which is the usual case. */
    private List<EndpointSubset> subsets(Service service) {
        List<EndpointAddress> ready = new ArrayList<>();
        List<EndpointAddress> notReady = new ArrayList<>();
        List<EndpointPort> ports = new ArrayList<>();
        for (Pod pod : ServiceBackends.pods(api, service)) {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            EndpointAddress address = new EndpointAddressBuilder().withIp(pod.getStatus().getPodIP())
                    .withNodeName(pod.getSpec().getNodeName()).withNewTargetRef().withKind("Pod")
                    .withName(pod.getMetadata().getName()).withNamespace(pod.getMetadata().getNamespace())
                    .withUid(pod.getMetadata().getUid()).endTargetRef().build();
            (PodStatuses.isReady(pod) ? ready : notReady).add(address);
            if (ports.isEmpty()) {
                for (ServicePort port : service.getSpec().getPorts()) {
                    ServiceBackends.targetPort(port, pod).ifPresent(p -> ports.add(new EndpointPort(null, port.getName(), p, port.getProtocol())));
                }
            }
        }
        if (ready.isEmpty() && notReady.isEmpty()) {
            return List.of();
        }
        ready.sort(java.util.Comparator.comparing(EndpointAddress::getIp));
        notReady.sort(java.util.Comparator.comparing(EndpointAddress::getIp));
        return List.of(new EndpointSubset(ready, notReady, ports));
    }
}
