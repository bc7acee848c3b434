package org.laymanlabs.sandbox.kube.client;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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
    /** The correlator's memory of recent events, bounded as client-go's LRU cache of 4096 is. */
    private final Map<String, String> written = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 4096;
        }
    };
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
        String existingName = written.get(aggregate);
        if (existingName != null) {
            api.get(Event.class, namespace, existingName).ifPresent(old -> api.update(new EventBuilder(old)
                    .withCount(old.getCount() + 1).withLastTimestamp(now).build()));
            return;
        }
        String name = ref.getName() + "." + Long.toHexString(api.clock().now().toEpochMilli() * 1_000_000L + sequence++ % 1_000_000L);
        written.put(aggregate, name);
        Event event = new EventBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withInvolvedObject(ref).withReason(reason).withMessage(message).withType(type.name())
                .withNewSource().withComponent(component).withHost(host).endSource()
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .withReportingComponent(component).withReportingInstance(host == null ? "" : host).build();
        api.create(event).exceptionally(failure -> {
            written.remove(aggregate);
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof org.laymanlabs.sandbox.kube.apiserver.ApiException e
                    && e.reason() == org.laymanlabs.sandbox.kube.apiserver.ApiException.Reason.ALREADY_EXISTS) {
                // Another component's recorder took this name in the same instant: the next sequence number is free.
                event(object, type, reason, message);
            }
            return null;
        });
    }

}
