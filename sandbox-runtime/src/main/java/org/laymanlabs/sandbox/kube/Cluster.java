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
import org.laymanlabs.sandbox.kube.scheduler.Scheduler;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A kubeadm-style cluster, brought up as kubeadm init and join do: etcd, then the API server with
 * its bootstrap objects (the system namespaces and the "kubernetes" Service at 10.96.0.1), then
 * then every node: its kubelet, and on a control-plane node a kube-controller-manager and a
 * kube-scheduler that run for their Leases. Labs reach in here to break things: stop a node,
 * a component, or an etcd member.
 */
public final class Cluster {

    private static final Duration BOOT_LIMIT = Duration.ofSeconds(30);
    /** kubeadm init and join take a while; a lab starts on a cluster whose members and nodes are all up. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final VirtualClock clock;
    private final EtcdCluster etcd;
    private final ApiServer api;
    private final Map<String, Kubelet> kubelets = new LinkedHashMap<>();
    private final Map<String, ControllerManager> controllerManagers = new LinkedHashMap<>();
    private final Map<String, Scheduler> schedulers = new LinkedHashMap<>();

    private Cluster(VirtualClock clock, RandomGenerator random, ClusterSpec spec) {
        this.clock = clock;
        this.etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), BOOT_LIMIT);
        this.api = new ApiServer(etcd.client(), clock, random);
        api.start();
        bootstrap();
        for (NodeConfig node : spec.nodes()) {
            kubelets.put(node.name(), new Kubelet(api, node));
            if (node.controlPlane()) {
                controllerManagers.put(node.name(), new ControllerManager(api, node.name(), random));
                schedulers.put(node.name(), new Scheduler(api, node.name(), random));
            }
        }
        spec.nodes().forEach(node -> startNode(node.name()));
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

    /** The kube-controller-manager process on a control-plane node. */
    public ControllerManager controllerManager(String node) {
        return component(controllerManagers, node, "kube-controller-manager");
    }

    /** The kube-scheduler process on a control-plane node. */
    public Scheduler scheduler(String node) {
        return component(schedulers, node, "kube-scheduler");
    }

    /** The first control-plane node's, which leads on a single-master cluster. */
    public ControllerManager controllerManager() {
        return controllerManagers.values().iterator().next();
    }

    public Scheduler scheduler() {
        return schedulers.values().iterator().next();
    }

    /** A node's machine stops: its kubelet, and on a master its scheduler and controller manager, go silent. */
    public void stopNode(String node) {
        kubelet(node).stop();
        if (controllerManagers.containsKey(node)) {
            controllerManagers.get(node).stop();
            schedulers.get(node).stop();
        }
    }

    /** A node's machine boots: kubelet first, then (on a master) the components it runs as static pods. */
    public void startNode(String node) {
        kubelet(node).start();
        if (controllerManagers.containsKey(node)) {
            controllerManagers.get(node).start();
            schedulers.get(node).start();
        }
    }

    private static <T> T component(Map<String, T> byNode, String node, String what) {
        T found = byNode.get(node);
        if (found == null) {
            throw new NoSuchElementException("no " + what + " on node " + node + " (is it a control-plane node?)");
        }
        return found;
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
