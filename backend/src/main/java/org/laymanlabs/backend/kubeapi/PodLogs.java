package org.laymanlabs.backend.kubeapi;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * pods/log (pkg/registry/core/pod/rest/log.go and the kubelet's containerLogs): the container's
 * log as text, with tailLines, timestamps and previous; with follow, new lines as the sandbox's
 * clock brings them, until the container stops or the client hangs up.
 */
final class PodLogs {

    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String END = "";

    private PodLogs() {
    }

    /** The container a log request reads, or the kubelet's reason why none can be read. */
    private static CriContainer container(Sandbox sandbox, ResourcePath at, HttpRequest request) {
        Pod pod = PodContainers.pod(sandbox, at);
        String name = PodContainers.container(pod, request.param("container").orElse(""));
        Kubelet kubelet = PodContainers.kubelet(sandbox, pod);
        String podName = pod.getMetadata().getName();
        ContainerStatus status = PodContainers.status(pod, name).orElseThrow(() -> badRequest("container \"" + name
                + "\" in pod \"" + podName + "\" is waiting to start: ContainerCreating"));
        var last = status.getLastState() == null ? null : status.getLastState().getTerminated();
        String id;
        if (request.flag("previous")) {
            if (last == null || last.getContainerID() == null) {
                throw badRequest("previous terminated container \"" + name + "\" in pod \"" + podName + "\" not found");
            }
            id = last.getContainerID();
        } else if (status.getState().getRunning() != null) {
            id = status.getContainerID();
        } else if (status.getState().getTerminated() != null) {
            id = status.getState().getTerminated().getContainerID();
        } else {
            String reason = status.getState().getWaiting() == null ? null : status.getState().getWaiting().getReason();
            throw badRequest("container \"" + name + "\" in pod \"" + podName + "\" is waiting to start: "
                    + (reason == null ? "ContainerCreating" : reason));
        }
        return kubelet.runtime().find(PodContainers.bare(id)).orElseThrow(() -> badRequest("container \"" + name + "\" in pod \""
                + podName + "\" is terminated"));
    }

    static void serve(KubeCall call) throws IOException {
        HttpRequest request = call.request();
        boolean stamps = request.flag("timestamps");
        int tail = request.param("tailLines").map(Integer::parseInt).orElse(-1);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        VirtualClock.Observation observation = call.query(s -> {
            CriContainer c = container(s, call.path(), request);
            List<LogEntry> entries = c.container().logs();
            List<LogEntry> shown = tail >= 0 && tail < entries.size() ? entries.subList(entries.size() - tail, entries.size()) : entries;
            shown.forEach(e -> lines.add(line(e, stamps)));
            if (!request.flag("follow") || c.state() != CriContainer.State.CONTAINER_RUNNING) {
                lines.add(END);
                return null;
            }
            int[] seen = {entries.size()};
            VirtualClock.Observation[] self = new VirtualClock.Observation[1];
            self[0] = s.clock().observe(() -> {
                List<LogEntry> all = c.container().logs();
                for (int i = seen[0]; i < all.size(); i++) {
                    lines.add(line(all.get(i), stamps));
                }
                seen[0] = all.size();
                if (c.state() != CriContainer.State.CONTAINER_RUNNING) {
                    self[0].cancel();
                    lines.add(END);
                }
            });
            return self[0];
        });
        if (observation == null) {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l));
            call.response().send(new ApiResponse(200, Map.of("Content-Type", "text/plain"),
                    text.toString().getBytes(StandardCharsets.UTF_8)));
            return;
        }
        try (OutputStream out = call.response().chunked(200, "text/plain")) {
            while (true) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == END) {
                    break;
                }
                if (line != null) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            call.sandbox().query(s -> {
                observation.cancel();
                return null;
            });
        }
    }

    private static String line(LogEntry entry, boolean stamps) {
        return (stamps ? RFC3339_NANO.format(entry.time()) + " " : "") + entry.line() + "\n";
    }

    private static ApiException badRequest(String message) {
        return new ApiException(ApiException.Reason.BAD_REQUEST, message);
    }
}
