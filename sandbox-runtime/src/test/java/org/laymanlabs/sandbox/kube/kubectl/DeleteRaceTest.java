package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * kubectl delete sends no preconditions, so a write that gets in between the API server's read and
 * its compare-and-delete (here the scheduler binding the pod) makes the server try again on the
 * fresh object, as etcd3's conditionalDelete does; the learner never sees a Conflict.
 */
class DeleteRaceTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    @Test
    void aPodDeletedTheMomentItWasCreatedIsDeleted() {
        assertThat(sandbox.shell().run("kubectl run nginx --image=nginx").stdout()).isEqualTo("pod/nginx created\n");

        CommandResult deleted = sandbox.shell().run("kubectl delete pod nginx");

        assertThat(deleted).isEqualTo(new CommandResult("pod \"nginx\" deleted\n", "", 0));
        assertThat(sandbox.shell().run("kubectl get pods").stderr()).isEqualTo("No resources found in default namespace.\n");
    }
}
