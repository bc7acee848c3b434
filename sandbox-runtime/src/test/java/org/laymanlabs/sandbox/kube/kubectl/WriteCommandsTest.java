package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.api.ApiResources;

class WriteCommandsTest {

    private final TestCluster cluster = new TestCluster();

    private Deployment deployment(String name) {
        return cluster.api.get(Deployment.class, "default", name).orElseThrow();
    }

    @Nested
    class Create {

        @Test
        void createsADeploymentAsTheGeneratorBuildsIt() {
            assertThat(cluster.ok("kubectl create deployment web --image=nginx:1.27 --replicas=3"))
                    .isEqualTo("deployment.apps/web created\n");
            Deployment web = deployment("web");
            assertThat(web.getSpec().getReplicas()).isEqualTo(3);
            assertThat(web.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web");
            assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getName()).isEqualTo("nginx");
        }

        @Test
        void aSecondCreateFailsWithTheGeneratorsWordsAndChangesNothing() {
            cluster.ok("kubectl create deployment web --image=nginx:1.27");
            String before = cluster.api.get(Deployment.class, "default", "web").orElseThrow().getMetadata().getResourceVersion();
            assertThat(cluster.run("kubectl create deployment web --image=redis")).isEqualTo(new CommandResult("",
                    "error: failed to create deployment: deployments.apps \"web\" already exists\n", 1));
            assertThat(deployment("web").getMetadata().getResourceVersion()).isEqualTo(before);
        }

        @Test
        void takesTheContainersCommandAfterTheDash() {
            assertThat(cluster.ok("kubectl create deployment sleeper --image=busybox:1.36 -- sleep 3600"))
                    .isEqualTo("deployment.apps/sleeper created\n");
            Deployment sleeper = cluster.api.get(Deployment.class, "default", "sleeper").orElseThrow();
            assertThat(sleeper.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
                    .containsExactly("sleep", "3600");
            assertThat(cluster.run("kubectl create deployment a b --image=busybox -- sleep 1").stderr())
                    .startsWith("error: exactly one NAME is required, got 2\n");
            assertThat(cluster.run("kubectl create deployment a --image=busybox --image=nginx -- sleep 1").stderr())
                    .isEqualTo("error: cannot specify multiple --image options and command\n");
        }

        @Test
        void requiresTheImageFlag() {
            assertThat(cluster.run("kubectl create deployment web")).isEqualTo(new CommandResult("",
                    "error: required flag(s) \"image\" not set\n", 1));
        }

        @Test
        void createsServicesNamespacesAndConfigMaps() {
            assertThat(cluster.ok("kubectl create service nodeport web --tcp=80:8080")).isEqualTo("service/web created\n");
            Service web = cluster.api.get(Service.class, "default", "web").orElseThrow();
            assertThat(web.getSpec().getPorts().get(0).getName()).isEqualTo("80-8080");
            assertThat(web.getSpec().getPorts().get(0).getNodePort()).isBetween(30000, 32767);
            assertThat(cluster.ok("kubectl create namespace shop")).isEqualTo("namespace/shop created\n");
            assertThat(cluster.ok("kubectl create configmap cfg --from-literal=a=1 -n shop")).isEqualTo("configmap/cfg created\n");
            assertThat(cluster.ok("kubectl get cm -n shop -o jsonpath={.items[0].data.a}")).isEqualTo("1");
        }

        @Test
        void runsAPodAndExposesIt() {
            assertThat(cluster.ok("kubectl run web --image=nginx --port=80")).isEqualTo("pod/web created\n");
            Pod pod = cluster.api.get(Pod.class, "default", "web").orElseThrow();
            assertThat(pod.getMetadata().getLabels()).containsEntry("run", "web");
            assertThat(cluster.ok("kubectl expose pod web --type=NodePort")).isEqualTo("service/web exposed\n");
            Service svc = cluster.api.get(Service.class, "default", "web").orElseThrow();
            assertThat(svc.getSpec().getSelector()).containsEntry("run", "web");
            assertThat(svc.getSpec().getPorts().get(0).getPort()).isEqualTo(80);
        }

        @Test
        void exposeWithoutAnyPortSaysSo() {
            cluster.ok("kubectl create deployment web --image=nginx");
            assertThat(cluster.run("kubectl expose deployment web")).isEqualTo(new CommandResult("",
                    "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n", 1));
            assertThat(cluster.api.list(ApiResources.SERVICES, "default")).isEmpty();
        }
    }

    @Nested
    class ChangeAndDelete {

        @Test
        void scalesLabelsAnnotatesAndSetsImages() {
            cluster.ok("kubectl create deployment web --image=nginx:1.27");
            assertThat(cluster.ok("kubectl scale deployment web --replicas=4")).isEqualTo("deployment.apps/web scaled\n");
            assertThat(deployment("web").getSpec().getReplicas()).isEqualTo(4);
            assertThat(cluster.ok("kubectl label deploy web tier=front")).isEqualTo("deployment.apps/web labeled\n");
            assertThat(cluster.run("kubectl label deploy web tier=back")).isEqualTo(new CommandResult("",
                    "error: 'tier' already has a value (front), and --overwrite is false\n", 1));
            assertThat(cluster.ok("kubectl label deploy web tier=back --overwrite")).isEqualTo("deployment.apps/web labeled\n");
            assertThat(cluster.ok("kubectl label deploy/web tier-")).isEqualTo("deployment.apps/web unlabeled\n");
            assertThat(cluster.ok("kubectl annotate deploy web owner=me")).isEqualTo("deployment.apps/web annotated\n");
            assertThat(cluster.ok("kubectl set image deployment/web nginx=nginx:1.28")).isEqualTo("deployment.apps/web image updated\n");
            assertThat(deployment("web").getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.28");
            assertThat(cluster.run("kubectl set image deployment/web redis=redis:7")).isEqualTo(new CommandResult("",
                    "error: unable to find container named \"redis\"\n", 1));
        }

        @Test
        void deletesByNameAndReportsTheMissingOnes() {
            cluster.ok("kubectl run web --image=nginx");
            assertThat(cluster.run("kubectl delete pod web nope")).isEqualTo(new CommandResult("pod \"web\" deleted\n",
                    "Error from server (NotFound): pods \"nope\" not found\n", 1));
            assertThat(cluster.api.list(ApiResources.PODS, "")).isEmpty();
        }

        @Test
        void deleteWithoutNamesNeedsASelectorOrAll() {
            cluster.ok("kubectl run web --image=nginx");
            assertThat(cluster.run("kubectl delete pods")).isEqualTo(new CommandResult("",
                    "error: resource(s) were provided, but no name, label selector, or --all flag specified\n", 1));
            assertThat(cluster.ok("kubectl delete pods -l run=web")).isEqualTo("pod \"web\" deleted\n");
            assertThat(cluster.ok("kubectl delete pods --all")).isEqualTo("No resources found\n");
        }
    }

    @Nested
    class Nodes {

        private void node(String name) {
            cluster.create(new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec().build());
        }

        private Node get(String name) {
            return cluster.api.get(Node.class, "", name).orElseThrow();
        }

        @Test
        void cordonsAndUncordons() {
            node("worker-1");
            assertThat(cluster.ok("kubectl cordon worker-1")).isEqualTo("node/worker-1 cordoned\n");
            assertThat(get("worker-1").getSpec().getUnschedulable()).isTrue();
            assertThat(cluster.ok("kubectl cordon worker-1")).isEqualTo("node/worker-1 already cordoned\n");
            assertThat(cluster.ok("kubectl uncordon worker-1")).isEqualTo("node/worker-1 uncordoned\n");
            assertThat(cluster.run("kubectl cordon worker-9")).isEqualTo(new CommandResult("",
                    "Error from server (NotFound): nodes \"worker-9\" not found\n", 1));
        }

        @Test
        void addsAndRemovesTaints() {
            node("worker-1");
            assertThat(cluster.ok("kubectl taint nodes worker-1 dedicated=gpu:NoSchedule")).isEqualTo("node/worker-1 tainted\n");
            assertThat(get("worker-1").getSpec().getTaints()).hasSize(1);
            assertThat(cluster.run("kubectl taint nodes worker-1 dedicated=cpu:NoSchedule")).isEqualTo(new CommandResult("",
                    "error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n", 1));
            assertThat(cluster.ok("kubectl taint nodes worker-1 dedicated:NoSchedule-")).isEqualTo("node/worker-1 untainted\n");
            assertThat(get("worker-1").getSpec().getTaints()).isEmpty();
            assertThat(cluster.run("kubectl taint nodes worker-1 dedicated=gpu:Sometimes")).isEqualTo(new CommandResult("",
                    "error: invalid taint effect: Sometimes, unsupported taint effect\n", 1));
        }

        @Test
        void drainRefusesDaemonSetPodsUnlessTold() {
            node("worker-1");
            cluster.create(new PodBuilder().withNewMetadata().withName("kube-proxy-abcde").withNamespace("kube-system")
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("DaemonSet").withName("kube-proxy")
                    .withUid("u1").withController(true).endOwnerReference().endMetadata().withNewSpec().withNodeName("worker-1")
                    .addNewContainer().withName("kube-proxy").withImage("kube-proxy:v1.32.5").endContainer().endSpec().build());
            CommandResult refused = cluster.run("kubectl drain worker-1");
            assertThat(refused).isEqualTo(new CommandResult("node/worker-1 cordoned\n",
                    "error: unable to drain node \"worker-1\" due to error: cannot delete DaemonSet-managed Pods "
                    + "(use --ignore-daemonsets to ignore): kube-system/kube-proxy-abcde, continuing command...\n"
                    + "There are pending nodes to be drained:\n worker-1\n"
                    + "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-abcde\n", 1));
            assertThat(cluster.run("kubectl drain worker-1 --ignore-daemonsets")).isEqualTo(new CommandResult(
                    "node/worker-1 already cordoned\nnode/worker-1 drained\n",
                    "Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-abcde\n", 0));
        }
    }
}
