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

    private static String time(Instant at) {
        return RFC3339_NANO.format(at);
    }
}
