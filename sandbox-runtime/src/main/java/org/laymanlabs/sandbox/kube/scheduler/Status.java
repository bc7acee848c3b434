package org.laymanlabs.sandbox.kube.scheduler;

import java.util.List;
import java.util.Objects;

/**
 * Mirrors the scheduler framework's Status (k8s.io/kube-scheduler/framework): what a plugin says
 * about a pod and a node, as a value. The reasons are the words a learner reads in
 * FailedScheduling; the code says whether preemption could help.
 *
 * @param plugin the plugin that rejected, once the framework has recorded it
 */
record Status(Code code, List<String> reasons, String plugin) {

    /** framework.Code, in the order kube-scheduler declares them. */
    public enum Code {
        SUCCESS,
        ERROR,
        /** Rejected here, but evicting lower-priority pods might make room. */
        UNSCHEDULABLE,
        /** Rejected here whatever is evicted: a taint, a selector, a cordon. */
        UNSCHEDULABLE_AND_UNRESOLVABLE,
        /** The plugin has nothing to say about this pod (its later extension points are skipped). */
        SKIP
    }

    public static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), null);
    public static final Status SKIP = new Status(Code.SKIP, List.of(), null);

    public Status {
        Objects.requireNonNull(code, "code");
        reasons = List.copyOf(reasons);
    }

    public static Status unschedulable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE, List.of(reasons), null);
    }

    public static Status unresolvable(String... reasons) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), null);
    }

    public static Status error(String message) {
        return new Status(Code.ERROR, List.of(message), null);
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }

    /** Unschedulable or UnschedulableAndUnresolvable: the node was rejected, nothing broke. */
    public boolean isRejected() {
        return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
    }

    /** The reasons joined as Status.Message() joins them. */
    public String message() {
        return String.join(", ", reasons);
    }

    Status withPlugin(String name) {
        return new Status(code, reasons, name);
    }
}
