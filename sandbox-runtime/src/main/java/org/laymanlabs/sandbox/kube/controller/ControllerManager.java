package org.laymanlabs.sandbox.kube.controller;

import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.client.LeaderElector;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.controller.daemon.DaemonSetController;
import org.laymanlabs.sandbox.kube.controller.deployment.DeploymentController;
import org.laymanlabs.sandbox.kube.controller.job.JobController;
import org.laymanlabs.sandbox.kube.controller.endpoint.EndpointSliceController;
import org.laymanlabs.sandbox.kube.controller.endpoint.EndpointsController;
import org.laymanlabs.sandbox.kube.controller.garbagecollector.GarbageCollector;
import org.laymanlabs.sandbox.kube.controller.namespace.NamespaceController;
import org.laymanlabs.sandbox.kube.controller.nodelifecycle.NodeLifecycleController;
import org.laymanlabs.sandbox.kube.controller.replicaset.ReplicaSetController;
import org.laymanlabs.sandbox.kube.controller.serviceaccount.ServiceAccountsController;

/**
 * Mirrors cmd/kube-controller-manager: one process per control-plane node running every control
 * loop, but only while it holds the kube-controller-manager Lease, so with several masters one
 * works and the others wait. Stopping the leader (its node down, or a lab breaking it) stops the
 * loops until a standby takes over: Deployments stop rolling, ReplicaSets stop replacing pods,
 * Services stop tracking their pods.
 */
public final class ControllerManager {

    private final ApiServer api;
    private final String nodeName;
    private final RandomGenerator random;
    private final List<Controller> controllers;
    private LeaderElector elector;
    private boolean running;
    private boolean leading;

    /**
     * @param nodeName the control-plane node it runs on; its lease identity is {@code <nodeName>_<uuid>}
     * @param random   the cluster's seeded random source (identities, retry jitter)
     */
    public ControllerManager(ApiServer api, String nodeName, RandomGenerator random) {
        this.api = api;
        this.nodeName = nodeName;
        this.random = random;
        this.controllers = List.of(
                new DeploymentController(api, new EventRecorder(api, "deployment-controller", null)),
                new ReplicaSetController(api, new EventRecorder(api, "replicaset-controller", null)),
                new DaemonSetController(api, new EventRecorder(api, "daemonset-controller", null)),
                new JobController(api, new EventRecorder(api, "job-controller", null)),
                new EndpointsController(api),
                new EndpointSliceController(api),
                new NodeLifecycleController(api, new EventRecorder(api, "node-controller", null)),
                new GarbageCollector(api),
                new NamespaceController(api),
                new ServiceAccountsController(api));
    }

    /** The process starts and runs for the kube-controller-manager Lease; the loops run only while it leads. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        String identity = nodeName + "_" + new UUID(random.nextLong(), random.nextLong());
        elector = new LeaderElector(api, LeaderElector.Config.forComponent("kube-controller-manager", identity),
                new Leadership(this), random, new EventRecorder(api, "kube-controller-manager", null));
        elector.run();
    }

    /** The process dies, or its node stops: the lease is not released; a standby waits it out. */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        elector.stop();
        if (leading) {
            leading = false;
            controllers.forEach(Controller::stop);
        }
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isLeading() {
        return leading;
    }

    /**
     * The elector's callbacks: the loops run while it leads. Named and static, holding its manager in
     * a field of its own: a checkpoint writes an object's fields, and an anonymous class's link to
     * its outer object is a synthetic field that Kryo leaves out by default.
     */
    private static final class Leadership implements LeaderElector.Callbacks {
        private final ControllerManager manager;

        Leadership(ControllerManager manager) {
            this.manager = manager;
        }

        @Override
        public void onStartedLeading() {
            manager.leading = true;
            manager.controllers.forEach(Controller::start);
        }

        @Override
        public void onStoppedLeading() {
            // The real process exits when it loses the lease, and the kubelet restarts it.
            manager.stop();
            manager.start();
        }
    }
}
