package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.client.EventRecorder;

/**
 * Mirrors kubernetes pkg/kubelet/prober/prober.go (kubelet 1.32): runs a probe's handler, retrying
 * up to three times while it errors, and records the container's Warning events: "Unhealthy"
 * with {@code "<Type> probe failed: <output>"} or {@code "<Type> probe errored: <error>"}, and
 * "ProbeWarning" for a redirect the prober did not follow. A gRPC probe takes prober.go's last
 * branch ("missing probe handler"): the sandbox's nodes have no gRPC client.
 */
final class Prober {

    static final int MAX_PROBE_RETRIES = 3;

    private final ProbeTarget target;
    private final EventRecorder events;

    Prober(ProbeTarget target, EventRecorder events) {
        this.target = target;
        this.events = events;
    }

    /** runProbeWithRetries: the first attempt that does not error, or the last one. */
    ProbeOutcome run(ProbeSpec spec, Pod pod, Container container, String containerId) {
        ProbeOutcome outcome = runProbe(spec, pod, container, containerId);
        for (int attempt = 1; attempt < MAX_PROBE_RETRIES && outcome.error().isPresent(); attempt++) {
            outcome = runProbe(spec, pod, container, containerId);
        }
        return outcome;
    }

    /**
     * prober.probe's verdict once the attempt is over: records the event and gives the worker a
     * result, or nothing when the probe errored (the worker throws that result away).
     */
    Optional<Results.Result> judge(ProbeType type, Pod pod, ProbeOutcome outcome) {
        if (outcome.error().isPresent()) {
            events.event(pod, EventRecorder.Type.Warning, "Unhealthy", type.words() + " probe errored: " + outcome.error().get());
            return Optional.empty();
        }
        return Optional.of(switch (outcome.kind()) {
            case SUCCESS -> Results.Result.SUCCESS;
            case WARNING -> {
                events.event(pod, EventRecorder.Type.Warning, "ProbeWarning", type.words() + " probe warning: " + outcome.output());
                yield Results.Result.SUCCESS;
            }
            case FAILURE, UNKNOWN -> {
                events.event(pod, EventRecorder.Type.Warning, "Unhealthy", type.words() + " probe failed: " + outcome.output());
                yield Results.Result.FAILURE;
            }
        });
    }

    private ProbeOutcome runProbe(ProbeSpec spec, Pod pod, Container container, String containerId) {
        Probe probe = spec.probe();
        String podIp = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        if (probe.getExec() != null) {
            return ExecProbe.probe(target, probe.getExec().getCommand() == null ? java.util.List.of() : probe.getExec().getCommand(),
                    container, containerId, spec.timeout());
        }
        if (probe.getHttpGet() != null) {
            return HttpProbe.probe(target, probe.getHttpGet(), container, podIp, spec.timeout());
        }
        if (probe.getTcpSocket() != null) {
            return TcpProbe.probe(target, probe.getTcpSocket(), container, podIp, spec.timeout());
        }
        var meta = pod.getMetadata();
        return ProbeOutcome.error("missing probe handler for " + meta.getName() + "_" + meta.getNamespace() + "(" + meta.getUid() + "):"
                + container.getName());
    }
}
