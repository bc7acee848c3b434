package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

/**
 * rollout against what the Deployment controller leaves behind: one ReplicaSet per revision with
 * the deployment.kubernetes.io/revision annotation and a pod-template-hash label (written here by
 * hand, since no controller runs in these tests).
 */
class RolloutCommandsTest {

    private final TestCluster cluster = new TestCluster();
    private Deployment web;

    @BeforeEach
    void aDeploymentOnItsSecondRevision() {
        cluster.ok("kubectl create deployment web --image=nginx:1.27 --replicas=2");
        web = cluster.api.get(Deployment.class, "default", "web").orElseThrow();
        replicaSet("web-5b6c7d8f9", "1", "nginx:1.26", null);
        replicaSet("web-7d4b9c8f6d", "2", "nginx:1.27", "kubectl set image deployment/web nginx=nginx:1.27");
    }

    private void replicaSet(String name, String revision, String image, String cause) {
        String hash = name.substring(name.indexOf('-') + 1);
        var template = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(web.getSpec().getTemplate())
                .editMetadata().addToLabels("pod-template-hash", hash).endMetadata()
                .editSpec().editFirstContainer().withImage(image).endContainer().endSpec().build();
        ReplicaSetBuilder rs = new ReplicaSetBuilder().withNewMetadata().withName(name).withNamespace("default")
                .addToLabels("app", "web").addToLabels("pod-template-hash", hash).addToAnnotations(Rollouts.REVISION, revision)
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("web")
                .withUid(web.getMetadata().getUid()).withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web").addToMatchLabels("pod-template-hash", hash)
                .endSelector().withTemplate(template).endSpec();
        if (cause != null) {
            rs.editMetadata().addToAnnotations(Rollouts.CHANGE_CAUSE, cause).endMetadata();
        }
        cluster.create(rs.build());
    }

    @Test
    void historyListsRevisionsWithTheirChangeCause() {
        assertThat(cluster.ok("kubectl rollout history deployment/web")).isEqualTo("""
                deployment.apps/web\s
                REVISION  CHANGE-CAUSE
                1         <none>
                2         kubectl set image deployment/web nginx=nginx:1.27

                """);
    }

    @Test
    void undoCopiesThePreviousRevisionsTemplateBack() {
        assertThat(cluster.ok("kubectl rollout undo deployment web")).isEqualTo("deployment.apps/web rolled back\n");
        Deployment after = cluster.api.get(Deployment.class, "default", "web").orElseThrow();
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.26");
        assertThat(after.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("pod-template-hash");
        assertThat(cluster.ok("kubectl rollout undo deployment web --to-revision=1"))
                .isEqualTo("deployment.apps/web skipped rollback (current template already matches revision 1)\n");
        assertThat(cluster.run("kubectl rollout undo deployment web --to-revision=7")).isEqualTo(new CommandResult("",
                "error: unable to find specified revision 7 in history\n", 1));
    }

    @Test
    void statusWaitsForTheControllerAndGivesUpAtTheTimeout() {
        CommandResult waiting = cluster.run("kubectl rollout status deployment/web --timeout=2s");
        assertThat(waiting).isEqualTo(new CommandResult("Waiting for deployment spec update to be observed...\n",
                "error: timed out waiting for the condition\n", 1));
        Deployment live = cluster.api.get(Deployment.class, "default", "web").orElseThrow();
        live.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withObservedGeneration(1L)
                .withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(1).withAvailableReplicas(1).build());
        cluster.status(live);
        assertThat(cluster.run("kubectl rollout status deployment/web --watch=false")).isEqualTo(new CommandResult(
                "Waiting for deployment \"web\" rollout to finish: 1 of 2 updated replicas are available...\n", "", 0));
        live = cluster.api.get(Deployment.class, "default", "web").orElseThrow();
        live.getStatus().setAvailableReplicas(2);
        cluster.status(live);
        assertThat(cluster.ok("kubectl rollout status deployment/web")).isEqualTo("deployment \"web\" successfully rolled out\n");
    }

    @Test
    void restartStampsThePodTemplate() {
        assertThat(cluster.ok("kubectl rollout restart deployment/web")).isEqualTo("deployment.apps/web restarted\n");
        assertThat(cluster.api.get(Deployment.class, "default", "web").orElseThrow().getSpec().getTemplate().getMetadata()
                .getAnnotations()).containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-26T09:00:00Z");
        assertThat(cluster.api.list(ReplicaSet.class, "default")).hasSize(2);
    }

    @Test
    void onlyDeploymentsHaveAStatusViewer() {
        cluster.ok("kubectl run one --image=nginx");
        assertThat(cluster.run("kubectl rollout status pod/one")).isEqualTo(new CommandResult("",
                "error: no status viewer has been implemented for Pod\n", 1));
    }

}
