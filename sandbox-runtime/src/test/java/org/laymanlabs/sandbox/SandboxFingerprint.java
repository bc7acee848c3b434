package org.laymanlabs.sandbox;

import java.util.stream.Collectors;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * What a learner could see changed in a sandbox, as one comparable value: the revision of the
 * cluster's store (any write moves it, and nothing writes while the clock stands still but the
 * command), the workspace's files, the learner machine's iptables rules, containers and images.
 * The fuzz tests take it before and after a refused command.
 */
record SandboxFingerprint(long revision, String files, String rules, String docker) {

    static SandboxFingerprint of(Sandbox sandbox) {
        Workspace workspace = sandbox.workspace();
        String files = workspace.filesUnder("/").stream()
                .map(f -> f + "=" + workspace.read("/" + f).hashCode()).collect(Collectors.joining("\n"));
        String rules = sandbox.shell().run("iptables-save").stdout().replaceAll("(?m)^#.*\n", "");
        String docker = sandbox.shell().run("docker ps -a --no-trunc").stdout() + sandbox.shell().run("docker images -a").stdout();
        return new SandboxFingerprint(sandbox.cluster().api().resourceVersion(), files, rules, docker);
    }
}
