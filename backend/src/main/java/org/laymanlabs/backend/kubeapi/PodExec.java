package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * pods/exec as one journaled step: the kubelet runs the command in the running container through
 * containerd and its output is kept, with the status the kubelet reports on the error channel
 * (kubelet/cri/streaming/remotecommand: Success, or NonZeroExitCode with the ExitCode cause). A
 * program that keeps running (a server) is left running, as the sandbox's own kubectl exec
 * leaves it; the session has no stdin to give it.
 */
final class PodExec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Why a shell that would read the client's stdin is refused: it would read end of input and end at once, as if it had run. */
    static final String INTERACTIVE = "interactive sessions are not served over the sandbox's Kubernetes API (its exec"
            + " stream does not carry stdin): open the shell in the Layman Labs terminal, where kubectl exec -it works";

    private PodExec() {
    }

    static ApiResponse run(Sandbox sandbox, ResourcePath at, Map<String, List<String>> query) {
        List<String> command = query.getOrDefault("command", List.of());
        Pod pod = PodContainers.pod(sandbox, at);
        String name = PodContainers.container(pod, KubeDispatcher.first(query, "container"));
        if (command.isEmpty()) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "you must specify at least 1 command");
        }
        String stdin = KubeDispatcher.first(query, "stdin");
        if (("true".equals(stdin) || "1".equals(stdin)) && ContainerEngine.readsTerminal(command)) {
            // The stream carries no stdin: the shell would read end of input and end at once, looking like success.
            throw new ApiException(ApiException.Reason.BAD_REQUEST, INTERACTIVE);
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            throw new ApiException(ApiException.Reason.BAD_REQUEST, "cannot exec into a container in a completed pod; current phase is "
                    + phase);
        }
        Kubelet kubelet = PodContainers.kubelet(sandbox, pod);
        CriContainer container = PodContainers.status(pod, name).filter(s -> s.getState().getRunning() != null)
                .map(ContainerStatus::getContainerID).flatMap(id -> kubelet.runtime().find(PodContainers.bare(id)))
                .filter(c -> c.state() == CriContainer.State.CONTAINER_RUNNING)
                .orElseThrow(() -> new ApiException(ApiException.Reason.BAD_REQUEST, "unable to upgrade connection: container not"
                        + " found (\"" + name + "\")"));
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Execution execution = kubelet.runtime().exec(container.id(), command, (stream, text) ->
                (stream == OutputChunk.Stream.STDERR ? err : out).append(text));
        int exitCode = 0;
        if (!execution.isFinished()) {
            execution.detach();
        } else {
            exitCode = execution.exitCode();
        }
        ObjectNode result = NODES.objectNode().put("stdout", out.toString()).put("stderr", err.toString());
        result.set("status", status(command, exitCode));
        return Status.json(200, result);
    }

    /** What the kubelet writes on the error channel when the command has ended. */
    static JsonNode status(List<String> command, int exitCode) {
        ObjectNode status = NODES.objectNode();
        status.putObject("metadata");
        if (exitCode == 0) {
            return status.put("status", "Success");
        }
        status.put("status", "Failure").put("message", "command terminated with non-zero exit code: error executing command ["
                + String.join(" ", command) + "], exit code " + exitCode).put("reason", "NonZeroExitCode");
        status.putObject("details").putArray("causes").addObject().put("reason", "ExitCode").put("message",
                Integer.toString(exitCode));
        return status;
    }
}
