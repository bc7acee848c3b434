package org.laymanlabs.sandbox.kube.controller.namespace;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.kube.client.WorkQueue;
import org.laymanlabs.sandbox.kube.controller.Controller;

/**
 * Mirrors pkg/controller/namespace (deletion/namespaced_resources_deleter.go): a namespace being
 * deleted stays Terminating while everything in it is deleted; once it is empty its "kubernetes"
 * finalizer is removed and the API server lets it go.
 */
public final class NamespaceController implements Controller {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final ApiServer api;
    private final WorkQueue queue;
    private ApiWatch watch;

    public NamespaceController(ApiServer api) {
        this.api = api;
        this.queue = new WorkQueue(api.clock(), this::sync);
    }

    @Override
    public void start() {
        queue.start();
        watch = api.watch(ApiResources.NAMESPACES, "", api.resourceVersion(), e -> queue.add(e.object().getMetadata().getName()));
        api.list(Namespace.class, "").forEach(ns -> queue.add(ns.getMetadata().getName()));
    }

    @Override
    public void stop() {
        if (watch != null) {
            watch.cancel();
        }
        queue.stop();
    }

    private void sync(String name, WorkQueue.Done done) {
        Namespace ns = api.get(Namespace.class, "", name).orElse(null);
        if (ns == null || ns.getMetadata().getDeletionTimestamp() == null) {
            done.success();
            return;
        }
        List<HasMetadata> remaining = new ArrayList<>();
        for (ResourceType type : ApiResources.ALL) {
            if (type.namespaced()) {
                remaining.addAll(api.list(type, name));
            }
        }
        if (remaining.isEmpty()) {
            Namespace finalized = new NamespaceBuilder(ns).editSpec().withFinalizers(List.of()).endSpec().build();
            api.update(finalized).whenComplete((ok, failure) -> {
                if (failure == null) {
                    done.success();
                } else {
                    done.retry();
                }
            });
            return;
        }
        // Not waited for: the namespace is looked at again after RECHECK, whatever these answer.
        remaining.stream().filter(o -> o.getMetadata().getDeletionTimestamp() == null).forEach(o -> api.delete(
                ApiResources.of(o.getClass()), name, o.getMetadata().getName(), DeletionPropagation.BACKGROUND, null));
        done.requeueAfter(RECHECK);
    }
}
