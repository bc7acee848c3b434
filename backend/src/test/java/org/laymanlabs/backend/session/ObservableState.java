package org.laymanlabs.backend.session;

import java.util.List;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/**
 * Everything a learner or a grader can see of a sandbox, as one text: what the snapshot tests
 * compare before and after a round trip. It reads through the shell, as a learner would, and
 * through the network's typed view for the namespaces that have no name to type.
 */
final class ObservableState {

    private static final List<String> COMMANDS = List.of(
            "docker ps -a --no-trunc",
            "docker images -a --no-trunc",
            "docker network ls --no-trunc",
            "docker volume ls",
            "docker inspect web",
            "docker logs web",
            "docker history --no-trunc shop:v1",
            "iptables-save -c",
            "ip addr",
            "ip route",
            "kubectl get all -A -o yaml",
            "kubectl get nodes,endpointslices,configmaps,serviceaccounts,leases -A -o yaml",
            "kubectl get events -A",
            "etcdctl get / --prefix --keys-only",
            "ls -laR /home/learner",
            "cat /home/learner/Dockerfile /home/learner/web.yaml /home/learner/notes.txt");

    private ObservableState() {
    }

    /**
     * Reads the state of a copy (a checkpoint of it, restored), leaving the sandbox as it was: kubectl
     * and etcdctl read through Raft, which takes virtual time, so reading a sandbox changes it a little.
     */
    static String ofCopy(Sandbox sandbox) {
        return of(org.laymanlabs.sandbox.checkpoint.Checkpoints.restore(org.laymanlabs.sandbox.checkpoint.Checkpoints.save(sandbox)));
    }

    /** Reads the state; it runs read-only commands, so call it on copies that are compared, never journaled. */
    static String of(Sandbox sandbox) {
        StringBuilder text = new StringBuilder("now ").append(sandbox.clock().now()).append('\n');
        for (String command : COMMANDS) {
            text.append("$ ").append(command).append('\n').append(sandbox.shell().run(command).terminal());
        }
        for (String node : List.of("control-plane", "worker-1", "worker-2")) {
            for (String command : List.of("iptables-save -c", "ip addr", "ip route")) {
                String line = "node-shell " + node + " " + command;
                text.append("$ ").append(line).append('\n').append(sandbox.shell().run(line).terminal());
            }
        }
        for (NetworkNamespace ns : sandbox.network().namespaces()) {
            text.append("netns ").append(ns.name()).append(' ').append(ns.links()).append(' ').append(ns.routes()).append('\n');
        }
        return text.toString();
    }
}
