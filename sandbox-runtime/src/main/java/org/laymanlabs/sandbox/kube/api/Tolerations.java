package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/**
 * Mirrors v1helper's toleration matching (k8s.io/api core/v1 toleration.go, ToleratesTaint), which
 * the scheduler, the DaemonSet controller and the taint manager all ask.
 */
public final class Tolerations {

    private Tolerations() {
    }

    /**
     * An empty effect tolerates every effect; an empty key with Exists tolerates every key;
     * Exists ignores the value, and Equal (or no operator) needs the same value.
     */
    public static boolean tolerates(Toleration toleration, Taint taint) {
        if (!empty(toleration.getEffect()) && !toleration.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (!empty(toleration.getKey()) && !toleration.getKey().equals(taint.getKey())) {
            return false;
        }
        String operator = empty(toleration.getOperator()) ? "Equal" : toleration.getOperator();
        return switch (operator) {
            case "Exists" -> true;
            case "Equal" -> nullToEmpty(toleration.getValue()).equals(nullToEmpty(taint.getValue()));
            default -> false;
        };
    }

    public static boolean anyTolerates(List<Toleration> tolerations, Taint taint) {
        if (tolerations != null) {
            for (Toleration toleration : tolerations) {
                if (tolerates(toleration, taint)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    public static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
