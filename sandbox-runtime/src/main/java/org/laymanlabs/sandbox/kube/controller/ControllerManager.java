package org.laymanlabs.sandbox.kube.controller;

import java.util.List;
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

/**
 * Mirrors cmd/kube-controller-manager: one process running every control loop. Stopping it (its
 * node down, or a lab breaking it) stops them all: Deployments stop rolling, ReplicaSets stop
 * replacing pods, Services stop tracking their pods.
 */
public final class ControllerManager {

    private final List<Controller> controllers;
    private boolean running;

    public ControllerManager(ApiServer api) {
        this.controllers = List.of(
                new DeploymentController(api, new EventRecorder(api, "deployment-controller", null)),
                new ReplicaSetController(api, new EventRecorder(api, "replicaset-controller", null)),
                new DaemonSetController(api, new EventRecorder(api, "daemonset-controller", null)),
                new JobController(api, new EventRecorder(api, "job-controller", null)),
                new EndpointsController(api),
                new EndpointSliceController(api),
                new NodeLifecycleController(api, new EventRecorder(api, "node-controller", null)),
                new GarbageCollector(api),
                new NamespaceController(api));
    }

    public void start() {
        if (!running) {
            running = true;
            controllers.forEach(Controller::start);
        }
    }

    public void stop() {
        if (running) {
            running = false;
            controllers.forEach(Controller::stop);
        }
    }

    public boolean isRunning() {
        return running;
    }
}
