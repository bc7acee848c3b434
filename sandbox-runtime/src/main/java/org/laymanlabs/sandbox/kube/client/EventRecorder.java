package org.laymanlabs.sandbox.kube.client;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * Mirrors client-go's tools/record EventRecorder with its EventCorrelator: what a component did,
 * written as core/v1 Events that {@code kubectl describe} and {@code kubectl get events} show.
 * A repeat of the same reason and message for the same object bumps the count and
 * lastTimestamp of the existing Event instead of writing a new one.
 */
public final class EventRecorder {

    /** Normal or Warning, as the Event's type. */
    public enum Type { Normal, Warning }

    private final ApiServer api;
    private final String component;
    private final String host;
    /** The correlator's memory of recent events. */
    private final Map<String, CompletableFuture<Event>> written = new Recent();
    private long sequence;

    public EventRecorder(ApiServer api, String component, String host) {
        this.api = api;
        this.component = component;
        this.host = host;
    }

    public void event(HasMetadata object, Type type, String reason, String message) {
        ObjectReference ref = new ObjectReferenceBuilder().withApiVersion(object.getApiVersion()).withKind(object.getKind())
                .withName(object.getMetadata().getName()).withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion()).build();
        String namespace = ref.getNamespace() == null ? "default" : ref.getNamespace();
        String now = api.clock().now().truncatedTo(ChronoUnit.SECONDS).toString();
        String aggregate = ref.getUid() + "/" + reason + "/" + message;
        CompletableFuture<Event> previous = written.get(aggregate);
        if (previous != null) {
            // A repeat bumps the Event once the previous write has landed, so that repeats in quick
            // succession (a probe re-run at once) all count.
            remember(aggregate, previous.thenCompose(landed -> api.get(Event.class, namespace, landed.getMetadata().getName())
                    .map(old -> api.update(new EventBuilder(old).withCount(old.getCount() + 1).withLastTimestamp(now).build()))
                    .orElseGet(() -> CompletableFuture.completedFuture(landed))));
            return;
        }
        String name = ref.getName() + "." + Long.toHexString(api.clock().now().toEpochMilli() * 1_000_000L + sequence++ % 1_000_000L);
        Event event = new EventBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withInvolvedObject(ref).withReason(reason).withMessage(message).withType(type.name())
                .withNewSource().withComponent(component).withHost(host).endSource()
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .withReportingComponent(component).withReportingInstance(host == null ? "" : host).build();
        CompletableFuture<Event> write = api.create(event);
        remember(aggregate, write);
        write.exceptionally(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof org.laymanlabs.sandbox.kube.apiserver.ApiException e
                    && e.reason() == org.laymanlabs.sandbox.kube.apiserver.ApiException.Reason.ALREADY_EXISTS) {
                // Another component's recorder took this name in the same instant: the next sequence number is free.
                written.remove(aggregate, write);
                event(object, type, reason, message);
            }
            return null;
        });
    }

    /**
     * Bounded as client-go's LRU cache of 4096 is. A named class with a no-argument constructor, so
     * that a restored sandbox's copy (made by that constructor, then filled) keeps access order.
     */
    private static final class Recent extends java.util.LinkedHashMap<String, CompletableFuture<Event>> {
        Recent() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Event>> eldest) {
            return size() > 4096;
        }
    }

    /** The latest write of an aggregate; one that fails is forgotten, so that the next repeat creates the Event again. */
    private void remember(String aggregate, CompletableFuture<Event> write) {
        written.put(aggregate, write);
        write.exceptionally(failure -> {
            written.remove(aggregate, write);
            return null;
        });
    }

}
