package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mirrors describeNodeResource in describe.go: each non-terminated pod's CPU and memory requests
 * and limits as a share of the node's allocatable resources, then the node's totals, with
 * quantities printed as resource.Quantity.String() prints them.
 */
final class NodeResources {

    private NodeResources() {
    }

    /** A summed quantity and the suffix family of its first term, as Quantity.Add keeps the receiver's format. */
    private record Amount(BigDecimal value, String format) {

        static final Amount ZERO = new Amount(BigDecimal.ZERO, "");

        Amount plus(Quantity q) {
            if (q == null) {
                return this;
            }
            String f = format.isEmpty() ? family(q.getFormat()) : format;
            return new Amount(value.add(Quantity.getAmountInBytes(q)), f);
        }

        long milli() {
            return value.movePointRight(3).longValue();
        }

        /** Quantity.String(): canonical form in the first term's suffix family. */
        String text(boolean cpu) {
            if (value.signum() == 0) {
                return "0";
            }
            if (cpu || format.equals("m")) {
                long m = milli();
                return m % 1000 == 0 ? Long.toString(m / 1000) : m + "m";
            }
            BigInteger bytes = value.toBigInteger();
            String[] binary = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
            String[] decimal = {"", "k", "M", "G", "T", "P", "E"};
            boolean isBinary = format.equals("binary");
            BigInteger base = BigInteger.valueOf(isBinary ? 1024 : 1000);
            int power = 0;
            while (power < 6 && bytes.mod(base).signum() == 0 && bytes.signum() != 0 && (isBinary || format.equals("decimal"))) {
                bytes = bytes.divide(base);
                power++;
            }
            return bytes + (isBinary ? binary[power] : decimal[power]);
        }

        private static String family(String suffix) {
            if (suffix == null || suffix.isEmpty()) {
                return "plain";
            }
            if (suffix.endsWith("i")) {
                return "binary";
            }
            return suffix.equals("m") ? "m" : "decimal";
        }
    }

    static void describe(Node node, List<Pod> pods, DescribeWriter w, Instant now) {
        Map<String, Quantity> allocatable = node.getStatus().getAllocatable().isEmpty() ? node.getStatus().getCapacity()
                : node.getStatus().getAllocatable();
        long cpuAllocatable = Amount.ZERO.plus(allocatable.get("cpu")).milli();
        BigDecimal memoryAllocatable = Amount.ZERO.plus(allocatable.get("memory")).value();
        BigDecimal storageAllocatable = Amount.ZERO.plus(allocatable.get("ephemeral-storage")).value();
        w.write(0, "Non-terminated Pods:\t(" + pods.size() + " in total)\n");
        w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
        w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
        Amount[] totals = {Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO};
        for (Pod pod : pods) {
            Amount cpuReq = sum(pod, "cpu", true);
            Amount cpuLim = sum(pod, "cpu", false);
            Amount memReq = sum(pod, "memory", true);
            Amount memLim = sum(pod, "memory", false);
            w.write(1, pod.getMetadata().getNamespace() + "\t" + pod.getMetadata().getName() + "\t\t"
                    + cpuReq.text(true) + " (" + percent(cpuReq.milli(), cpuAllocatable) + "%)\t"
                    + cpuLim.text(true) + " (" + percent(cpuLim.milli(), cpuAllocatable) + "%)\t"
                    + memReq.text(false) + " (" + percent(memReq.value(), memoryAllocatable) + "%)\t"
                    + memLim.text(false) + " (" + percent(memLim.value(), memoryAllocatable) + "%)\t"
                    + Age.since(pod.getMetadata().getCreationTimestamp(), now) + "\n");
            totals[0] = add(totals[0], cpuReq);
            totals[1] = add(totals[1], cpuLim);
            totals[2] = add(totals[2], memReq);
            totals[3] = add(totals[3], memLim);
            totals[4] = add(totals[4], sum(pod, "ephemeral-storage", true));
            totals[5] = add(totals[5], sum(pod, "ephemeral-storage", false));
        }
        w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
        w.write(1, "Resource\tRequests\tLimits\n");
        w.write(1, "--------\t--------\t------\n");
        w.write(1, "cpu\t" + totals[0].text(true) + " (" + percent(totals[0].milli(), cpuAllocatable) + "%)\t"
                + totals[1].text(true) + " (" + percent(totals[1].milli(), cpuAllocatable) + "%)\n");
        w.write(1, "memory\t" + totals[2].text(false) + " (" + percent(totals[2].value(), memoryAllocatable) + "%)\t"
                + totals[3].text(false) + " (" + percent(totals[3].value(), memoryAllocatable) + "%)\n");
        w.write(1, "ephemeral-storage\t" + totals[4].text(false) + " (" + percent(totals[4].value(), storageAllocatable) + "%)\t"
                + totals[5].text(false) + " (" + percent(totals[5].value(), storageAllocatable) + "%)\n");
    }

    private static Amount add(Amount a, Amount b) {
        return new Amount(a.value().add(b.value()), a.format().isEmpty() ? b.format() : a.format());
    }

    /** PodRequestsAndLimits: the containers' sum, or the largest init container's if that is more. */
    private static Amount sum(Pod pod, String resource, boolean requests) {
        Amount total = Amount.ZERO;
        for (Container c : pod.getSpec().getContainers()) {
            total = total.plus(value(c, resource, requests));
        }
        for (Container c : pod.getSpec().getInitContainers()) {
            Amount init = Amount.ZERO.plus(value(c, resource, requests));
            if (init.value().compareTo(total.value()) > 0) {
                total = init;
            }
        }
        return total;
    }

    private static Quantity value(Container c, String resource, boolean requests) {
        if (c.getResources() == null) {
            return null;
        }
        Map<String, Quantity> map = requests ? c.getResources().getRequests() : c.getResources().getLimits();
        Quantity q = map == null ? null : map.get(resource);
        if (q == null && requests && c.getResources().getLimits() != null) {
            q = c.getResources().getLimits().get(resource);
        }
        return q;
    }

    private static long percent(long part, long whole) {
        return whole == 0 ? 0 : (long) ((double) part / whole * 100);
    }

    private static long percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? 0 : (long) (part.doubleValue() / whole.doubleValue() * 100);
    }
}
