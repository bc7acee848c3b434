package org.laymanlabs.sandbox.kube.cri;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * {@code crictl inspect ID}: the container's CRI status (runtime.v1 ContainerStatus as JSON,
 * the fields a learner reads: state, times, exit code, reason, image) and the part of containerd's
 * verbose info that names its sandbox and PID, indented as Go's json.MarshalIndent does.
 */
final class CrictlInspect {

    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ISO_INSTANT;

    private CrictlInspect() {
    }

    static String inspect(Containerd containerd, CriContainer c) {
        PodSandbox sandbox = containerd.sandbox(c.sandboxId());
        JsonValue status = JsonValue.Obj.struct()
                .put("id", c.id())
                .put("metadata", JsonValue.Obj.struct().put("attempt", c.attempt()).put("name", c.name()).build())
                .put("state", c.state().name())
                .put("createdAt", time(c.created()))
                .put("startedAt", c.startedAt().map(CrictlInspect::time).orElse("1970-01-01T00:00:00Z"))
                .put("finishedAt", c.finishedAt().filter(f -> c.state() == CriContainer.State.CONTAINER_EXITED)
                        .map(CrictlInspect::time).orElse("1970-01-01T00:00:00Z"))
                .put("exitCode", c.state() == CriContainer.State.CONTAINER_EXITED ? c.exitCode() : 0)
                .put("image", JsonValue.Obj.struct().put("annotations", JsonValue.Obj.map().build()).put("image", c.imageSpec()
                        .contains("/") ? c.imageSpec() : "docker.io/library/" + c.imageSpec()).build())
                .put("imageRef", c.imageRef())
                .put("reason", c.state() == CriContainer.State.CONTAINER_EXITED ? c.reason() : "")
                .put("message", c.message().orElse(""))
                .put("labels", JsonValue.Obj.map().put("io.kubernetes.container.name", c.name())
                        .put("io.kubernetes.pod.name", sandbox.config().name())
                        .put("io.kubernetes.pod.namespace", sandbox.config().namespace())
                        .put("io.kubernetes.pod.uid", sandbox.config().uid()).build())
                .put("logPath", "/var/log/pods/" + sandbox.config().namespace() + "_" + sandbox.config().name() + "_"
                        + sandbox.config().uid() + "/" + c.name() + "/" + c.attempt() + ".log")
                .build();
        JsonValue info = JsonValue.Obj.struct()
                .put("sandboxID", c.sandboxId())
                .put("pid", c.container().state().pid())
                .build();
        return JsonWriter.indented(JsonValue.Obj.struct().put("status", status).put("info", info).build(), "  ");
    }

    /**
     * {@code crictl inspectp POD-ID}: the sandbox's CRI status (its IP and the namespaces its
     * containers share: network and IPC per pod, PID per container) and the part of containerd's
     * verbose info that shows what holds them: the pause container's process and image.
     */
    static String inspectPod(PodSandbox sandbox) {
        PodSandboxConfig config = sandbox.config();
        JsonValue.Builder labels = JsonValue.Obj.map();
        sandbox.labels().forEach(labels::put);
        JsonValue status = JsonValue.Obj.struct()
                .put("id", sandbox.id())
                .put("metadata", JsonValue.Obj.struct().put("attempt", config.attempt()).put("name", config.name())
                        .put("namespace", config.namespace()).put("uid", config.uid()).build())
                .put("state", sandbox.state().name())
                .put("createdAt", time(sandbox.created()))
                .put("network", JsonValue.Obj.struct().put("additionalIps", JsonValue.ofStrings(java.util.List.of()))
                        .put("ip", sandbox.ip().orElse("")).build())
                .put("linux", JsonValue.Obj.struct().put("namespaces", JsonValue.Obj.struct().put("options",
                        JsonValue.Obj.struct().put("ipc", config.hostNetwork() ? "NODE" : "POD")
                                .put("network", config.hostNetwork() ? "NODE" : "POD").put("pid", "CONTAINER")
                                .put("targetId", "").build()).build()).build())
                .put("labels", labels.build())
                .put("runtimeHandler", "")
                .build();
        boolean running = sandbox.pause().state().status() == org.laymanlabs.sandbox.container.ContainerStatus.RUNNING;
        JsonValue info = JsonValue.Obj.struct()
                .put("pid", sandbox.pause().state().pid())
                .put("processStatus", running ? "running" : "stopped")
                .put("netNamespaceClosed", JsonValue.of(sandbox.state() != PodSandbox.State.SANDBOX_READY))
                .put("image", Containerd.PAUSE_IMAGE)
                .put("runtimeType", "io.containerd.runc.v2")
                .build();
        return JsonWriter.indented(JsonValue.Obj.struct().put("status", status).put("info", info).build(), "  ");
    }

    private static String time(Instant at) {
        return RFC3339_NANO.format(at);
    }
}
