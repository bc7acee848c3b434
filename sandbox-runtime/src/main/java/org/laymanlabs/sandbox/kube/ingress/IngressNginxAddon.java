package org.laymanlabs.sandbox.kube.ingress;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;

/**
 * The objects of ingress-nginx's deploy manifest for bare metal (deploy/static/provider/baremetal,
 * controller-v1.12.0), as minikube's ingress add-on and kind's guide install it, trimmed to what
 * this cluster serves (no admission webhook or RBAC): the ingress-nginx namespace, the
 * controller's ServiceAccount and Deployment (one pod, with POD_NAME and POD_NAMESPACE from the
 * downward API), the ingress-nginx-controller Service of type NodePort that exposes port 80 on
 * every node, and the IngressClass "nginx" (controller k8s.io/ingress-nginx), marked the default
 * class as minikube marks it.
 */
public final class IngressNginxAddon {

    public static final String NAMESPACE = "ingress-nginx";
    public static final String IMAGE = "registry.k8s.io/ingress-nginx/controller:v1.12.0";
    static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/component", "controller",
            "app.kubernetes.io/instance", "ingress-nginx", "app.kubernetes.io/name", "ingress-nginx");

    private IngressNginxAddon() {
    }

    public static List<HasMetadata> objects() {
        return List.of(
                new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).addToLabels("app.kubernetes.io/instance", "ingress-nginx")
                        .addToLabels("app.kubernetes.io/name", "ingress-nginx").endMetadata().build(),
                new ServiceAccountBuilder().withNewMetadata().withName("ingress-nginx").withNamespace(NAMESPACE)
                        .withLabels(SELECTOR).endMetadata().build(),
                new ServiceBuilder().withNewMetadata().withName("ingress-nginx-controller").withNamespace(NAMESPACE)
                        .withLabels(SELECTOR).endMetadata().withNewSpec().withType("NodePort").withSelector(SELECTOR)
                        .withIpFamilies("IPv4").withIpFamilyPolicy("SingleStack")
                        .addNewPort().withName("http").withPort(80).withProtocol("TCP").withAppProtocol("http")
                        .withTargetPort(new IntOrString("http")).endPort()
                        .endSpec().build(),
                deployment(),
                new io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder().withNewMetadata().withName(
                        IngressNginxController.CLASS).withLabels(SELECTOR)
                        .addToAnnotations("ingressclass.kubernetes.io/is-default-class", "true").endMetadata()
                        .withNewSpec().withController("k8s.io/ingress-nginx").endSpec().build());
    }

    private static HasMetadata deployment() {
        return new DeploymentBuilder().withNewMetadata().withName("ingress-nginx-controller").withNamespace(NAMESPACE)
                .withLabels(SELECTOR).endMetadata()
                .withNewSpec().withReplicas(1).withMinReadySeconds(0).withRevisionHistoryLimit(10)
                .withNewSelector().withMatchLabels(SELECTOR).endSelector()
                .withNewStrategy().withNewRollingUpdate().withMaxUnavailable(new IntOrString(1)).endRollingUpdate()
                .withType("RollingUpdate").endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(SELECTOR).endMetadata()
                .withNewSpec().withServiceAccountName("ingress-nginx").withTerminationGracePeriodSeconds(300L)
                .withDnsPolicy("ClusterFirst").addToNodeSelector("kubernetes.io/os", "linux")
                .addNewContainer().withName("controller").withImage(IMAGE).withImagePullPolicy("IfNotPresent")
                .withArgs("/nginx-ingress-controller", "--election-id=ingress-nginx-leader",
                        "--controller-class=k8s.io/ingress-nginx", "--ingress-class=nginx",
                        "--configmap=$(POD_NAMESPACE)/ingress-nginx-controller", "--watch-ingress-without-class=true",
                        "--report-node-internal-ip-address")
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("POD_NAMESPACE").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("LD_PRELOAD").withValue("/usr/local/lib/libmimalloc.so").endEnv()
                .addNewPort().withName("http").withContainerPort(80).withProtocol("TCP").endPort()
                .addNewPort().withName("https").withContainerPort(443).withProtocol("TCP").endPort()
                .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m"))
                .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("90Mi")).endResources()
                .endContainer().endSpec().endTemplate().endSpec().build();
    }
}
