package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * Mirrors framework.Resource: CPU in millicores, memory and ephemeral storage in bytes, and
 * extended resources (nvidia.com/gpu…) by name, as whole numbers so that a filter compares
 * longs and never parses a Quantity.
 */
record Resource(long milliCpu, long memory, long ephemeralStorage, Map<String, Long> scalar) {

    public static final Resource ZERO = new Resource(0, 0, 0, Map.of());

    public Resource {
        scalar = Map.copyOf(scalar);
    }

    /** A ResourceList (requests, allocatable) as numbers; a Quantity rounds up as Go's MilliValue() and Value() do. */
    public static Resource of(Map<String, Quantity> list) {
        if (list == null || list.isEmpty()) {
            return ZERO;
        }
        long cpu = 0;
        long memory = 0;
        long storage = 0;
        Map<String, Long> scalar = new HashMap<>();
        for (Map.Entry<String, Quantity> entry : list.entrySet()) {
            switch (entry.getKey()) {
                case "cpu" -> cpu = milli(entry.getValue());
                case "memory" -> memory = whole(entry.getValue());
                case "ephemeral-storage" -> storage = whole(entry.getValue());
                case "pods" -> { }
                default -> {
                    if (isScalar(entry.getKey())) {
                        scalar.put(entry.getKey(), whole(entry.getValue()));
                    }
                }
            }
        }
        return new Resource(cpu, memory, storage, scalar);
    }

    /** Extended and hugepages resources; the rest of the names are not scheduled on. */
    private static boolean isScalar(String name) {
        return name.contains("/") || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
    }

    static long milli(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    static long whole(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public Resource plus(Resource other) {
        return new Resource(milliCpu + other.milliCpu, memory + other.memory, ephemeralStorage + other.ephemeralStorage,
                combine(scalar, other.scalar, 1));
    }

    public Resource minus(Resource other) {
        return new Resource(milliCpu - other.milliCpu, memory - other.memory, ephemeralStorage - other.ephemeralStorage,
                combine(scalar, other.scalar, -1));
    }

    /** The larger of each amount, as resourcehelper's maxResourceList takes init containers into account. */
    public Resource max(Resource other) {
        Map<String, Long> names = new HashMap<>(scalar);
        other.scalar.forEach((name, amount) -> names.merge(name, amount, Math::max));
        return new Resource(Math.max(milliCpu, other.milliCpu), Math.max(memory, other.memory),
                Math.max(ephemeralStorage, other.ephemeralStorage), names);
    }

    private static Map<String, Long> combine(Map<String, Long> a, Map<String, Long> b, int sign) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, Long> sum = new HashMap<>(a);
        b.forEach((name, amount) -> sum.merge(name, sign * amount, Long::sum));
        return sum;
    }
}
