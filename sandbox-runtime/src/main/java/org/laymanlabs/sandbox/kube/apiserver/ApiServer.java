package org.laymanlabs.sandbox.kube.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.FieldError;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.api.Validation;
import org.laymanlabs.sandbox.kube.store.EtcdClient;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors kube-apiserver's generic registry (k8s.io/apiserver/pkg/registry/generic/registry/store.go):
 * create, get, list, update, status updates, delete and watch for every kind, with admission,
 * defaulting, validation and optimistic concurrency. Reads come from the watch cache; writes go
 * to etcd through Raft and complete on the virtual clock, so in-cluster clients (controllers, the
 * scheduler) chain on the returned futures, and a command at the prompt uses {@link #await}.
 */
public final class ApiServer {

    private static final Duration AWAIT_STEP = Duration.ofMillis(1);
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(70);

    private final VirtualClock clock;
    private final EtcdStorage storage;
    private final Admission admission;
    private final Compactor compactor;
    private final Codec codec = Codec.shared();
    private QuotaAdmission quota = QuotaAdmission.unlimited();

    public ApiServer(EtcdClient etcd, VirtualClock clock, RandomGenerator random) {
        this.clock = clock;
        this.storage = new EtcdStorage(etcd, clock);
        this.admission = new Admission(random);
        this.compactor = new Compactor(etcd, clock);
    }

    public void start() {
        storage.start();
        new EventExpiry(this, clock).start();
        compactor.start();
    }

    public VirtualClock clock() {
        return clock;
    }

    /**
     * From now on, refuses creates past {@code pods} pods (as a ResourceQuota would) or past
     * {@code objects} objects in the store (as etcd's space quota would): a sandbox's quotas, set
     * once its cluster has booted.
     */
    public void limit(int pods, int objects) {
        this.quota = new QuotaAdmission(pods, objects);
    }

    /** The newest etcd revision the cache has seen: a list's resourceVersion. */
    public long resourceVersion() {
        return storage.revision();
    }

    // Reads --------------------------------------------------------------------------------------

    public Optional<HasMetadata> get(ResourceType type, String namespace, String name) {
        return storage.cache(type).get(type.key(namespace, name));
    }

    public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
        return get(ApiResources.of(kind), namespace, name).map(kind::cast);
    }

    /** Every object of a type in a namespace ("" for all namespaces), ordered by namespace and name. */
    public List<HasMetadata> list(ResourceType type, String namespace) {
        return List.copyOf(storage.cache(type).list(type.prefix(namespace)));
    }

    public <T extends HasMetadata> List<T> list(Class<T> kind, String namespace) {
        return list(ApiResources.of(kind), namespace).stream().map(kind::cast).toList();
    }

    /** Watches a type from a revision (0: from now), filtered to a namespace ("" for all). */
    public ApiWatch watch(ResourceType type, String namespace, long fromRevision, ApiWatch.Listener listener) {
        WatchCache.Filter inNamespace = o -> namespace.isEmpty() || namespace.equals(o.getMetadata().getNamespace());
        return storage.cache(type).watch(fromRevision, inNamespace, listener);
    }

    // Writes -------------------------------------------------------------------------------------

    public <T extends HasMetadata> CompletableFuture<T> create(T object) {
        return attempt(() -> {
            HasMetadata copy = codec.copy(object);
            if (copy instanceof Secret secret) {
                SecretConversion.mergeStringData(secret);
            }
            ResourceType type = ApiResources.of(copy.getClass());
            copy.setApiVersion(type.apiVersion());
            ObjectMeta meta = Objects.requireNonNullElseGet(copy.getMetadata(), ObjectMeta::new);
            copy.setMetadata(meta);
            if (type.namespaced()) {
                String ns = meta.getNamespace() == null || meta.getNamespace().isEmpty() ? "default" : meta.getNamespace();
                meta.setNamespace(ns);
                String shownName = meta.getName() == null ? meta.getGenerateName() : meta.getName();
                admission.checkNamespace(type, shownName, ns, get(ApiResources.NAMESPACES, "", ns));
            } else {
                meta.setNamespace(null);
            }
            if ((meta.getName() == null || meta.getName().isEmpty()) && meta.getGenerateName() != null) {
                meta.setName(admission.generateName(meta.getGenerateName()));
            }
            admission.prepareForCreate(copy, type, clock.now(), storage.cache(ApiResources.SERVICES));
            quota.admit(type, meta.getName(), t -> storage.cache(t).size());
            return quota.charged(type, storage.create(type, type.key(ns(meta), meta.getName()), copy));
        });
    }

    /**
     * Replaces an object's spec and metadata, keeping its status (the main resource of a kind with
     * a status subresource). A stale resourceVersion is a Conflict; none means "whatever is there".
     */
    public <T extends HasMetadata> CompletableFuture<T> update(T object) {
        return write(object, (existing, given) -> {
            // A deep copy: the caller's object is not ours to change, and validation reads it all.
            HasMetadata updated = codec.copy(given);
            updated.setApiVersion(ApiResources.of(updated.getClass()).apiVersion());
            keepImmutableMetadata(updated.getMetadata(), existing.getMetadata());
            ResetFields.copyStatus(existing, updated);
            if (updated instanceof Secret secret) {
                SecretConversion.mergeStringData(secret);
            }
            List<FieldError> errors = Validation.validate(updated, existing);
            if (!errors.isEmpty()) {
                throw Admission.invalid(ApiResources.of(updated.getClass()), updated.getMetadata().getName(), errors);
            }
            if (updated.getMetadata().getGeneration() != null && !sameSpec(updated, existing)) {
                updated.getMetadata().setGeneration(existing.getMetadata().getGeneration() + 1);
            }
            return updated;
        });
    }

    /**
     * Replaces only the status, as a PUT to the /status subresource does: the stored object with
     * the given status, which is never changed; it becomes the cached object's, so the caller hands
     * it over (as a request body is the server's once decoded).
     */
    public <T extends HasMetadata> CompletableFuture<T> updateStatus(T object) {
        return write(object, (existing, given) -> {
            HasMetadata updated = ResetFields.withOwnMetadata(existing);
            updated.getMetadata().setResourceVersion(given.getMetadata().getResourceVersion());
            ResetFields.copyStatus(given, updated);
            return updated;
        });
    }

    /** Mirrors pods/binding: the scheduler's decision, written once. */
    public CompletableFuture<Pod> bind(String namespace, String podName, String nodeName) {
        return attempt(() -> {
            Pod pod = get(Pod.class, namespace, podName).orElseThrow(() -> ApiException.notFound(ApiResources.PODS, podName));
            if (pod.getSpec().getNodeName() != null) {
                throw new ApiException(ApiException.Reason.CONFLICT, "Operation cannot be fulfilled on pods/binding \""
                        + podName + "\": pod " + podName + " is already assigned to node \"" + pod.getSpec().getNodeName() + "\"");
            }
            // Only the spec's nodeName and the status's conditions change: the rest is the cached pod's.
            Pod bound = ResetFields.withOwnMetadata(pod);
            bound.setSpec(ResetFields.shallowCopy(pod.getSpec()));
            bound.setStatus(ResetFields.shallowCopy(pod.getStatus()));
            bound.getSpec().setNodeName(nodeName);
            List<PodCondition> conditions = new ArrayList<>(bound.getStatus().getConditions());
            conditions.removeIf(c -> c.getType().equals("PodScheduled"));
            conditions.add(new PodCondition(null, Admission.timestamp(clock.now()), null, null, null, "True", "PodScheduled"));
            bound.getStatus().setConditions(conditions);
            return storage.update(ApiResources.PODS, ApiResources.PODS.key(namespace, podName), bound, version(pod));
        });
    }

    /**
     * Mirrors the PATCH verb (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go): the
     * patch is applied to the stored object's JSON, the result decoded strictly, and stored as an
     * update; a conflicting concurrent write makes it try once more on the fresh object, as the
     * real handler retries. An apply patch of a missing object creates it. Server-side apply here
     * merges the applied configuration strategically; field ownership (managedFields) is not kept.
     */
    public CompletableFuture<HasMetadata> patch(ResourceType type, String namespace, String name, PatchType patchType,
                                                JsonNode patch) {
        return patchOnce(type, namespace, name, patchType, patch).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof ApiException api && api.reason() == ApiException.Reason.CONFLICT) {
                return patchOnce(type, namespace, name, patchType, patch);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<HasMetadata> patchOnce(ResourceType type, String namespace, String name, PatchType patchType,
                                                     JsonNode patch) {
        return attempt(() -> {
            Optional<HasMetadata> existing = get(type, namespace, name);
            if (existing.isEmpty() && patchType != PatchType.APPLY) {
                throw ApiException.notFound(type, name);
            }
            JsonNode base = existing.map(codec::toTree).orElseGet(() -> codec.toTree(codec.fromTree(
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), type.type())));
            JsonNode patched = patchType == PatchType.JSON_MERGE ? MergePatches.jsonMerge(base, patch)
                    : MergePatches.strategicMerge(base, patch);
            HasMetadata decoded;
            try {
                decoded = codec.decode(patched, type.type());
            } catch (org.laymanlabs.sandbox.kube.api.DecodingException e) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, type.kind() + " in version \"" + type.version()
                        + "\" cannot be handled as a " + type.kind() + ": "
                        + (e.onlyUnknownFields() ? "strict decoding error: " : "") + e.getMessage());
            }
            if (decoded.getMetadata() == null || !name.equals(decoded.getMetadata().getName())) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, "the name of the object (" + (decoded.getMetadata() == null
                        ? "" : decoded.getMetadata().getName()) + ") does not match the name on the URL (" + name + ")");
            }
            if (type.namespaced()) {
                decoded.getMetadata().setNamespace(namespace);
            }
            return existing.isEmpty() ? create(decoded) : update(decoded);
        });
    }

    /**
     * Deletes an object; see {@link Deletion} for graceful deletion, finalizers and propagation.
     * A delete carries no preconditions, so when another write to the object gets in between the
     * read and the compare-and-delete (the scheduler binding a pod just created), it is tried
     * again on the fresh object, as etcd3's conditionalDelete loops; never a Conflict for the client.
     */
    public CompletableFuture<HasMetadata> delete(ResourceType type, String namespace, String name,
                                                 DeletionPropagation propagation, Long gracePeriodSeconds) {
        return deleteTrying(type, namespace, name, propagation, gracePeriodSeconds, DELETE_TRIES);
    }

    private static final int DELETE_TRIES = 5;

    private CompletableFuture<HasMetadata> deleteTrying(ResourceType type, String namespace, String name,
                                                        DeletionPropagation propagation, Long grace, int tries) {
        CompletableFuture<HasMetadata> once = attempt(() -> new Deletion(this, storage, clock)
                .delete(type, namespace, name, propagation, grace));
        return once.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (tries > 1 && cause instanceof ApiException api && api.reason() == ApiException.Reason.CONFLICT) {
                return deleteTrying(type, namespace, name, propagation, grace, tries - 1);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** The shared read-check-write path of update and updateStatus: CAS on the stored revision. */
    private <T extends HasMetadata> CompletableFuture<T> write(T object, java.util.function.BinaryOperator<HasMetadata> change) {
        return attempt(() -> {
            ResourceType type = ApiResources.of(object.getClass());
            String name = object.getMetadata().getName();
            String namespace = type.namespaced() ? ns(object.getMetadata()) : "";
            HasMetadata existing = get(type, namespace, name).orElseThrow(() -> ApiException.notFound(type, name));
            String wanted = object.getMetadata().getResourceVersion();
            if (wanted != null && !wanted.isEmpty() && !wanted.equals(existing.getMetadata().getResourceVersion())) {
                throw ApiException.conflict(type, name);
            }
            return new Deletion(this, storage, clock).storeOrFinish(type, namespace, change.apply(existing, object), existing);
        });
    }

    private static void keepImmutableMetadata(ObjectMeta now, ObjectMeta before) {
        now.setUid(before.getUid());
        now.setCreationTimestamp(before.getCreationTimestamp());
        now.setNamespace(before.getNamespace());
        now.setGeneration(before.getGeneration());
        now.setDeletionTimestamp(before.getDeletionTimestamp());
        now.setDeletionGracePeriodSeconds(before.getDeletionGracePeriodSeconds());
    }

    /** Whether the spec changed, as the generation counts it: by the spec's JSON, not by Java equality. */
    private boolean sameSpec(HasMetadata a, HasMetadata b) {
        Object specA = ResetFields.spec(a);
        Object specB = ResetFields.spec(b);
        return specA == null || specB == null ? specA == specB : codec.toTree(specA).equals(codec.toTree(specB));
    }

    static long version(HasMetadata object) {
        return Long.parseLong(object.getMetadata().getResourceVersion());
    }

    static String ns(ObjectMeta meta) {
        return meta.getNamespace() == null ? "" : meta.getNamespace();
    }

    /** Runs a write's synchronous checks; a refusal becomes a failed future, as over HTTP. */
    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> attempt(java.util.function.Supplier<CompletableFuture<? extends HasMetadata>> write) {
        try {
            return (CompletableFuture<T>) write.get();
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            // A bug of ours must not take the sandbox down: the request fails as a 500 would.
            return CompletableFuture.failedFuture(new ApiException(ApiException.Reason.INTERNAL_ERROR,
                    "Internal error occurred: " + e));
        }
    }

    /**
     * Waits for a write by running the virtual clock, as a command at the prompt waits for its
     * answer. Not for use inside a clock timer: in-cluster clients chain on the future instead.
     */
    public <T> T await(CompletableFuture<T> pending) {
        Duration waited = Duration.ZERO;
        while (!pending.isDone() && waited.compareTo(AWAIT_LIMIT) < 0) {
            clock.advance(AWAIT_STEP);
            waited = waited.plus(AWAIT_STEP);
        }
        if (!pending.isDone()) {
            throw new ApiException(ApiException.Reason.TIMEOUT, "the server was unable to return a response in the time allotted, "
                    + "but may still be processing the request");
        }
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ApiException api ? api : e;
        }
    }
}
