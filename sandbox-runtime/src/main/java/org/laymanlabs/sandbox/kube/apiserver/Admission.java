package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Defaults;
import org.laymanlabs.sandbox.kube.api.FieldError;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.api.Validation;

/**
 * What kube-apiserver does to a new object before it stores it: names (generateName), the
 * NamespaceLifecycle admission plugin, defaulting, the registry strategies' PrepareForCreate
 * (uid, creationTimestamp, generation, initial status), allocation, and validation.
 */
final class Admission {

    /** apiserver's SimpleNameGenerator alphabet: no vowels, no look-alike digits. */
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final RandomGenerator random;
    private final ServiceAllocation allocation;

    Admission(RandomGenerator random) {
        this.random = random;
        this.allocation = new ServiceAllocation(random);
    }

    static ApiException invalid(ResourceType type, String name, List<FieldError> errors) {
        String listed = errors.size() == 1 ? errors.get(0).toString()
                : errors.stream().map(FieldError::toString).collect(Collectors.joining(", ", "[", "]"));
        return new ApiException(ApiException.Reason.INVALID, type.groupKind() + " \"" + name + "\" is invalid: " + listed, errors);
    }

    /** generateName plus five random characters, as names.SimpleNameGenerator makes them. */
    String generateName(String base) {
        StringBuilder name = new StringBuilder(base);
        for (int i = 0; i < 5; i++) {
            name.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
        }
        return name.toString();
    }

    /** A version-4 UUID from the sandbox's seeded random source, so runs replay exactly. */
    String uid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (2L << 62)).toString();
    }

    /** NamespaceLifecycle: no new objects in a namespace that is missing or being deleted. */
    void checkNamespace(ResourceType type, String name, String namespaceName, Optional<HasMetadata> namespace) {
        if (namespace.isEmpty()) {
            throw ApiException.notFound(ApiResources.NAMESPACES, namespaceName);
        }
        if (namespace.get().getMetadata().getDeletionTimestamp() != null) {
            throw new ApiException(ApiException.Reason.FORBIDDEN, type.groupResource() + " \"" + name
                    + "\" is forbidden: unable to create new content in namespace " + namespace.get().getMetadata().getName()
                    + " because it is being terminated");
        }
    }

    /** Defaulting, PrepareForCreate and validation; throws Invalid with every problem found. */
    void prepareForCreate(HasMetadata object, ResourceType type, Instant now, WatchCache services) {
        Defaults.apply(object);
        ObjectMeta meta = object.getMetadata();
        List<FieldError> errors = Validation.validate(object, null);
        if (!errors.isEmpty()) {
            throw invalid(type, meta.getName() == null ? "" : meta.getName(), errors);
        }
        if (object instanceof Service service) {
            allocation.allocate(service, services.list(type.prefix("")), type);
        }
        meta.setUid(uid());
        if (object instanceof io.fabric8.kubernetes.api.model.batch.v1.Job job) {
            generateJobSelector(job);
        }
        meta.setCreationTimestamp(timestamp(now));
        meta.setResourceVersion(null);
        meta.setDeletionTimestamp(null);
        meta.setGeneration(hasGeneration(type) ? 1L : null);
        initialStatus(object);
    }

    /** The Job strategy's generateSelector: pods are matched by the Job's uid, not by user labels. */
    private static void generateJobSelector(io.fabric8.kubernetes.api.model.batch.v1.Job job) {
        if (Boolean.TRUE.equals(job.getSpec().getManualSelector())) {
            return;
        }
        String uid = job.getMetadata().getUid();
        String name = job.getMetadata().getName();
        job.getSpec().setSelector(new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                .addToMatchLabels("batch.kubernetes.io/controller-uid", uid).build());
        var template = job.getSpec().getTemplate();
        if (template.getMetadata() == null) {
            template.setMetadata(new ObjectMeta());
        }
        Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels());
        labels.put("batch.kubernetes.io/controller-uid", uid);
        labels.put("batch.kubernetes.io/job-name", name);
        labels.put("controller-uid", uid);
        labels.put("job-name", name);
        template.getMetadata().setLabels(labels);
    }

    static boolean hasGeneration(ResourceType type) {
        return !type.group().isEmpty() && type != ApiResources.LEASES && type != ApiResources.ENDPOINT_SLICES;
    }

    private static void initialStatus(HasMetadata object) {
        if (object instanceof Pod pod) {
            PodStatus status = new PodStatus();
            status.setPhase("Pending");
            status.setQosClass(qosClass(pod));
            pod.setStatus(status);
        } else if (object instanceof Namespace ns) {
            ns.setSpec(new NamespaceSpec(List.of("kubernetes")));
            // As decoding leaves it (no conditions: an empty list, not null): the watch cache keeps this object.
            NamespaceStatus status = new NamespaceStatus();
            status.setPhase("Active");
            ns.setStatus(status);
            Map<String, String> labels = new HashMap<>(ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels());
            labels.put("kubernetes.io/metadata.name", ns.getMetadata().getName());
            ns.getMetadata().setLabels(labels);
        }
    }

    /** pkg/apis/core/helper/qos: Guaranteed when every container's requests equal its cpu and memory limits. */
    private static String qosClass(Pod pod) {
        var containers = pod.getSpec().getContainers();
        boolean any = containers.stream().map(c -> c.getResources()).anyMatch(r -> r != null
                && (!r.getRequests().isEmpty() || !r.getLimits().isEmpty()));
        if (!any) {
            return "BestEffort";
        }
        boolean guaranteed = containers.stream().map(c -> c.getResources()).allMatch(r -> r != null
                && r.getLimits().containsKey("cpu") && r.getLimits().containsKey("memory")
                && (r.getRequests().isEmpty() || r.getRequests().equals(r.getLimits())));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    /** RFC 3339 with whole seconds, as metav1.Time marshals. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
