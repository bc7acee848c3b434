package org.laymanlabs.sandbox.kube;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.controller.ControllerManager;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A kubeadm-style cluster, brought up as kubeadm init and join do: etcd, then the API server with
 * its bootstrap objects (the system namespaces and the "kubernetes" Service at 10.96.0.1), then
 * the controller manager, then a kubelet per node. Labs reach in here to break things: stop a
 * node, the controller manager, or an etcd member.
 */
public final class Cluster {

    private static final Duration BOOT_LIMIT = Duration.ofSeconds(30);
    /** kubeadm init and join take a while; a lab starts on a cluster whose members and nodes are all up. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final VirtualClock clock;
    private final EtcdCluster etcd;
    private final ApiServer api;
    private final ControllerManager controllers;
    private final Map<String, Kubelet> kubelets = new LinkedHashMap<>();

    private Cluster(VirtualClock clock, RandomGenerator random, ClusterSpec spec) {
        this.clock = clock;
        this.etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), BOOT_LIMIT);
        this.api = new ApiServer(etcd.client(), clock, random);
        api.start();
        bootstrap();
        this.controllers = new ControllerManager(api);
        controllers.start();
        for (NodeConfig node : spec.nodes()) {
            Kubelet kubelet = new Kubelet(api, node);
            kubelets.put(node.name(), kubelet);
            kubelet.start();
        }
        clock.advance(SETTLE);
    }

    public static Cluster start(VirtualClock clock, RandomGenerator random, ClusterSpec spec) {
        return new Cluster(clock, random, spec);
    }

    /** What kube-apiserver creates for itself at start: system namespaces and the kubernetes Service. */
    private void bootstrap() {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
            writes.add(api.create(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()));
        }
        writes.forEach(api::await);
        api.await(api.create(new ServiceBuilder().withNewMetadata().withName("kubernetes").withNamespace("default")
                .addToLabels("component", "apiserver").addToLabels("provider", "kubernetes").endMetadata()
                .withNewSpec().withClusterIP("10.96.0.1").addNewPort().withName("https").withPort(443)
                .withTargetPort(new IntOrString(6443)).endPort().endSpec().build()));
        api.await(api.create(new EndpointsBuilder().withNewMetadata().withName("kubernetes").withNamespace("default")
                .addToLabels("endpointslice.kubernetes.io/skip-mirror", "true").endMetadata()
                .addNewSubset().addNewAddress().withIp("172.18.0.2").endAddress()
                .addNewPort().withName("https").withPort(6443).withProtocol("TCP").endPort().endSubset().build()));
    }

    public ApiServer api() {
        return api;
    }

    public EtcdCluster etcd() {
        return etcd;
    }

    public ControllerManager controllerManager() {
        return controllers;
    }

    public List<Kubelet> kubelets() {
        return List.copyOf(kubelets.values());
    }

    public Kubelet kubelet(String node) {
        Kubelet kubelet = kubelets.get(node);
        if (kubelet == null) {
            throw new NoSuchElementException("no node named " + node);
        }
        return kubelet;
    }

    public VirtualClock clock() {
        return clock;
    }
}
