package org.laymanlabs.sandbox.kube.controller.endpoint;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * Mirrors pkg/controller/endpointslice: each Service with a selector gets an EndpointSlice
 * (generateName "&lt;service&gt;-", owned by the Service, labelled with kubernetes.io/service-name)
 * whose endpoints carry ready, serving and terminating conditions. kube-proxy reads these.
 * A lab-sized Service fits in one slice (the real limit is 100 endpoints per slice).
 */
public final class EndpointSliceController implements Controller {

    static final String SERVICE_NAME = "kubernetes.io/service-name";
    static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
    static final String CONTROLLER = "endpointslice-controller.k8s.io";

    private final ApiServer api;
    private final WorkQueue queue;
    private final List<ApiWatch> watches = new ArrayList<>();

    public EndpointSliceController(ApiServer api) {
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
        Optional<Service> service = api.get(Service.class, ns, ControllerRefs.nameOf(key));
        if (service.isEmpty() || !ServiceBackends.selects(service.get())) {
            done.success(); // the garbage collector removes slices of a deleted Service
            return;
        }
        Service svc = service.get();
        Optional<EndpointSlice> current = api.list(EndpointSlice.class, ns).stream()
                .filter(s -> ControllerRefs.ownedBy(s, svc)).findFirst();
        List<Endpoint> endpoints = endpoints(svc);
        List<EndpointPort> ports = ports(svc);
        Map<String, String> labels = new HashMap<>(svc.getMetadata().getLabels() == null ? Map.of() : svc.getMetadata().getLabels());
        labels.put(SERVICE_NAME, svc.getMetadata().getName());
        labels.put(MANAGED_BY, CONTROLLER);
        if (current.isEmpty()) {
            EndpointSlice slice = new EndpointSliceBuilder().withNewMetadata().withGenerateName(svc.getMetadata().getName() + "-")
                    .withNamespace(ns).withLabels(labels).withOwnerReferences(ControllerRefs.to(svc)).endMetadata()
                    .withAddressType("IPv4").withEndpoints(endpoints).withPorts(ports).build();
            Writes.finish(List.of(api.create(slice)), done);
        } else if (!Objects.equals(current.get().getEndpoints(), endpoints) || !Objects.equals(current.get().getPorts(), ports)
                || !Objects.equals(current.get().getMetadata().getLabels(), labels)) {
            EndpointSlice updated = updated(current.get(), labels, endpoints, ports);
            Writes.finish(List.of(api.update(updated)), done);
        } else {
            done.success();
        }
    }

    /**
     * The update's body: the cached slice's own fields with the new labels, endpoints and ports.
     * The API server copies what it is given before it changes anything, so only the metadata,
     * whose labels change, is copied here, not the whole object.
     */
    private static EndpointSlice updated(EndpointSlice current, Map<String, String> labels, List<Endpoint> endpoints,
                                         List<EndpointPort> ports) {
        EndpointSlice updated = new EndpointSlice();
        updated.setApiVersion(current.getApiVersion());
        updated.setKind(current.getKind());
        updated.setAddressType(current.getAddressType());
        updated.setMetadata(new ObjectMetaBuilder(current.getMetadata()).withLabels(labels).build());
        updated.setEndpoints(endpoints);
        updated.setPorts(ports);
        updated.setAdditionalProperties(current.getAdditionalProperties());
        return updated;
    }

    private List<Endpoint> endpoints(Service svc) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Pod pod : ServiceBackends.pods(api, svc)) {
            boolean terminating = pod.getMetadata().getDeletionTimestamp() != null;
            boolean ready = PodStatuses.isReady(pod);
            endpoints.add(new EndpointBuilder().withAddresses(pod.getStatus().getPodIP())
                    .withNewConditions().withReady(ready && !terminating).withServing(ready).withTerminating(terminating).endConditions()
                    .withNodeName(pod.getSpec().getNodeName()).withNewTargetRef().withKind("Pod")
                    .withName(pod.getMetadata().getName()).withNamespace(pod.getMetadata().getNamespace())
                    .withUid(pod.getMetadata().getUid()).endTargetRef().build());
        }
        endpoints.sort(Comparator.comparing(e -> e.getAddresses().get(0)));
        return endpoints;
    }

    /** The slice's ports use the first backing pod's resolution of each targetPort. */
    private List<EndpointPort> ports(Service svc) {
        List<Pod> pods = ServiceBackends.pods(api, svc);
        List<EndpointPort> ports = new ArrayList<>();
        for (ServicePort port : svc.getSpec().getPorts()) {
            Integer number = pods.isEmpty() ? null : ServiceBackends.targetPort(port, pods.get(0)).orElse(null);
            if (pods.isEmpty() || number != null) {
                ports.add(new EndpointPort(null, port.getName() == null ? "" : port.getName(), number, port.getProtocol()));
            }
        }
        return ports;
    }
}
