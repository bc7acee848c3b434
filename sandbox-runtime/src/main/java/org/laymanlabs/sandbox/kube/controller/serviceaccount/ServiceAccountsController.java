package org.laymanlabs.sandbox.kube.controller.serviceaccount;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;

/**
 * Mirrors pkg/controller/serviceaccount/serviceaccounts_controller.go: every active namespace has
 * a ServiceAccount named "default", recreated if someone deletes it.
 */
public final class ServiceAccountsController implements Controller {

    private final ApiServer api;
    private final WorkQueue queue;
    private ApiWatch namespaces;
    private ApiWatch accounts;

    public ServiceAccountsController(ApiServer api) {
        this.api = api;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        long from = api.resourceVersion();
        namespaces = api.watch(ApiResources.NAMESPACES, "", from, e -> queue.add(e.object().getMetadata().getName()));
        accounts = api.watch(ApiResources.SERVICE_ACCOUNTS, "", from, e -> queue.add(e.object().getMetadata().getNamespace()));
        api.list(Namespace.class, "").forEach(ns -> queue.add(ns.getMetadata().getName()));
    }

    @Override
    public void stop() {
        if (namespaces != null) {
            namespaces.cancel();
            accounts.cancel();
        }
        queue.stop();
    }

    private void sync(String namespace, WorkQueue.Done done) {
        Namespace ns = api.get(Namespace.class, "", namespace).orElse(null);
        if (ns == null || ns.getMetadata().getDeletionTimestamp() != null
                || api.get(ServiceAccount.class, namespace, "default").isPresent()) {
            done.success();
            return;
        }
        api.create(new ServiceAccountBuilder().withNewMetadata().withName("default").withNamespace(namespace).endMetadata().build())
                .whenComplete((ok, failure) -> done.success());
    }
}
