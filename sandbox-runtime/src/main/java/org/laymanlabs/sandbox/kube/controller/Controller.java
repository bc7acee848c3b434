package org.laymanlabs.sandbox.kube.controller;

/**
 * One control loop of kube-controller-manager. Started when the manager leads (or its node comes
 * up), stopped when it loses the lease or its node stops; while stopped nothing is reconciled,
 * which is exactly what a learner sees when they break it.
 */
public interface Controller {

    void start();

    void stop();
}
