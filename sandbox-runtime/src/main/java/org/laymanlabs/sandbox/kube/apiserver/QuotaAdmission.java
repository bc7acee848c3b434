package org.laymanlabs.sandbox.kube.apiserver;

import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors kube-apiserver's ResourceQuota admission (plugin/pkg/admission/resourcequota,
 * controller.go) for one sandbox-wide quota on pods, and etcd's space quota
 * ({@code --quota-backend-bytes}) for everything the store holds, counted in objects. Creates
 * still on their way through Raft count as used, as the real admission charges a quota before
 * the write, so a ReplicaSet creating a burst of pods cannot slip past it.
 */
final class QuotaAdmission {

    /** The name a learner sees in the refusal, as a ResourceQuota object's would be. */
    static final String NAME = "sandbox";

    /** What etcd answers once its space quota is used up; kube-apiserver passes it on as a 500. */
    static final String SPACE_EXCEEDED = "etcdserver: mvcc: database space exceeded";

    private final int pods;
    private final int objects;
    private int pendingPods;
    private int pendingObjects;

    QuotaAdmission(int pods, int objects) {
        this.pods = pods;
        this.objects = objects;
    }

    static QuotaAdmission unlimited() {
        return new QuotaAdmission(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Charges a create of {@code type} named {@code name} against the quotas, given how many
     * objects of a type the store holds, or refuses it in the real components' words.
     */
    void admit(ResourceType type, String name, ToIntFunction<ResourceType> stored) {
        if (!counted(type)) {
            return;
        }
        if (type.equals(ApiResources.PODS)) {
            int used = stored.applyAsInt(ApiResources.PODS) + pendingPods;
            if (used + 1 > pods) {
                throw new ApiException(ApiException.Reason.FORBIDDEN, type.groupResource() + " \"" + name
                        + "\" is forbidden: exceeded quota: " + NAME + ", requested: pods=1, used: pods=" + used
                        + ", limited: pods=" + pods);
            }
        }
        int used = ApiResources.ALL.stream().filter(QuotaAdmission::counted).mapToInt(stored).sum() + pendingObjects;
        if (used + 1 > objects) {
            throw ApiException.storage(SPACE_EXCEEDED);
        }
    }

    /** Holds the charge of an admitted create until its write is done, stored or not. */
    <T> CompletableFuture<T> charged(ResourceType type, CompletableFuture<T> write) {
        if (!counted(type)) {
            return write;
        }
        boolean pod = type.equals(ApiResources.PODS);
        pendingObjects++;
        pendingPods += pod ? 1 : 0;
        // The caller gets the write itself: a derived stage would wrap its ApiException in a CompletionException.
        write.whenComplete((done, failed) -> {
            pendingObjects--;
            pendingPods -= pod ? 1 : 0;
        });
        return write;
    }

    /** Events and Leases expire by themselves, so they never fill the store for good. */
    private static boolean counted(ResourceType type) {
        return !type.equals(ApiResources.EVENTS) && !type.equals(ApiResources.LEASES);
    }
}
