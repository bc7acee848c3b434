package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.stream.Stream;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.shell.InteractiveShell;

/**
 * Mirrors kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec): runs a command in a pod's
 * running container through the node's kubelet and containerd, prints its output, and ends with
 * kubectl's "command terminated with exit code N" and that code. With -i a shell reads the
 * learner's next lines, as over a real SPDY stream (see {@link #attach}).
 */
final class ExecCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl exec";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("container", 'c', ""), Flag.bool("stdin", 'i'), Flag.bool("tty", 't'),
                Flag.bool("quiet", 'q'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty()) {
            throw KubectlException.usage("expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME is a"
                    + " required argument for the exec command", path());
        }
        if (args.args().size() < 2) {
            throw KubectlException.usage("you must specify at least one command for the container", path());
        }
        String namespace = session.namespace(args);
        Pod pod = PodTarget.resolve(args.args().get(0), session, namespace);
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            throw KubectlException.error("cannot exec into a container in a completed pod; current phase is " + phase);
        }
        String name = PodTarget.container(pod, args.string("container"), session);
        Kubelet kubelet = PodTarget.kubelet(pod, session, "exec/" + namespace + "/" + pod.getMetadata().getName() + "/" + name);
        String id = Stream.concat(pod.getStatus().getContainerStatuses().stream(), pod.getStatus().getInitContainerStatuses().stream())
                .filter(s -> s.getName().equals(name) && s.getState().getRunning() != null).map(ContainerStatus::getContainerID)
                .findFirst().orElse(null);
        CriContainer container = id == null ? null
                : kubelet.runtime().find(id.substring(id.indexOf("://") + 3)).orElse(null);
        if (container == null || container.state() != CriContainer.State.CONTAINER_RUNNING) {
            throw KubectlException.error("unable to upgrade connection: container not found (\"" + name + "\")");
        }
        List<String> command = args.args().subList(1, args.args().size());
        if (args.bool("stdin") && ContainerEngine.readsTerminal(command)) {
            attach(session, kubelet, container, pod, command, args.bool("tty"));
            return;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Execution execution = kubelet.runtime().exec(container.id(), command, (stream, text) -> {
            if (stream == org.laymanlabs.sandbox.OutputChunk.Stream.STDERR) {
                err.append(text);
            } else {
                out.append(text);
            }
        });
        if (out.toString().startsWith("OCI runtime exec failed")) {
            throw KubectlException.error("Internal error occurred: error executing command in container: failed to exec in"
                    + " container: failed to start exec \"" + execId(container, command) + "\": " + out.toString().strip());
        }
        session.out(out.toString());
        if (!err.isEmpty()) {
            session.note(err.toString().stripTrailing());
        }
        if (!execution.isFinished()) {
            // A program that keeps running (a server) holds the session; the sandbox's terminal gives it back.
            execution.detach();
            return;
        }
        if (execution.exitCode() != 0) {
            session.exit("command terminated with exit code " + execution.exitCode(), execution.exitCode());
        }
    }

    /**
     * {@code -i}: the learner's terminal is the command's stdin, so a shell reads the lines typed
     * next until it exits (with {@code -t}, showing its prompt). As kubectl's StreamOptions, a
     * status other than 0 ends with "command terminated with exit code N". Without {@code -i},
     * {@code -t} is dropped (SetupTTY), and a shell reads an empty stdin and exits at once.
     */
    private static void attach(Session session, Kubelet kubelet, CriContainer container, Pod pod, List<String> command,
                               boolean tty) {
        String hostname = pod.getSpec().getHostname() != null ? pod.getSpec().getHostname() : pod.getMetadata().getName();
        session.stream(out -> {
            Execution execution = kubelet.runtime().execAttached(container.id(), command, true, tty, hostname, out);
            if (execution instanceof InteractiveShell shell) {
                return shell.whenEnded(status -> {
                    if (status != 0) {
                        out.err("command terminated with exit code " + status + "\n");
                    }
                });
            }
            return execution;
        });
    }

    /** containerd names each exec process with a random 64-hex ID; this one is derived from the container and command. */
    private static String execId(CriContainer container, List<String> command) {
        return org.laymanlabs.sandbox.image.Digest.sha256("exec " + container.id() + " " + String.join(" ", command)).hex();
    }
}
