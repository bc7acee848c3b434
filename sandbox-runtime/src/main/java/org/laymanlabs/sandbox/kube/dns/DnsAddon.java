package org.laymanlabs.sandbox.kube.dns;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * The CoreDNS add-on as kubeadm init applies it (cmd/kubeadm/app/phases/addons/dns/manifests.go):
 * the coredns ServiceAccount and ConfigMap (the Corefile), the coredns Deployment in kube-system
 * (two replicas that tolerate the control plane), and the kube-dns Service at the tenth address of
 * the service CIDR, where every pod's resolv.conf points. kubeadm's RBAC objects for it are not
 * modelled, since the sandbox's API server authorizes everything.
 */
public final class DnsAddon {

    public static final String IMAGE = "registry.k8s.io/coredns/coredns:v1.11.3";
    private static final Map<String, String> LABELS = Map.of("k8s-app", "kube-dns");

    private DnsAddon() {
    }

    /** Creates the add-on's objects, as kubeadm's addon phase does after the control plane is up. */
    public static void install(ApiServer api, String clusterDomain, String dnsIp) {
        for (HasMetadata object : objects(clusterDomain, dnsIp)) {
            api.await(api.create(object));
        }
    }

    static List<HasMetadata> objects(String clusterDomain, String dnsIp) {
        return List.of(new ServiceAccountBuilder().withNewMetadata().withName("coredns").withNamespace("kube-system")
                .endMetadata().build(), configMap(clusterDomain), deployment(), service(dnsIp));
    }

    static ConfigMap configMap(String clusterDomain) {
        return new ConfigMapBuilder().withNewMetadata().withName("coredns").withNamespace("kube-system").endMetadata()
                .addToData("Corefile", Corefile.kubeadm(clusterDomain)).build();
    }

    static Deployment deployment() {
        return new DeploymentBuilder().withNewMetadata().withName("coredns").withNamespace("kube-system")
                .withLabels(LABELS).endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(1)).endRollingUpdate().endStrategy()
                .withNewSelector().withMatchLabels(LABELS).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(LABELS).endMetadata()
                .withNewSpec().withPriorityClassName("system-cluster-critical").withServiceAccountName("coredns")
                .addNewToleration().withKey("CriticalAddonsOnly").withOperator("Exists").endToleration()
                .addNewToleration().withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule").endToleration()
                .withNodeSelector(Map.of("kubernetes.io/os", "linux"))
                .addNewContainer().withName("coredns").withImage(IMAGE).withImagePullPolicy("IfNotPresent")
                .withNewResources().withLimits(Map.of("memory", new Quantity("170Mi")))
                .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("70Mi"))).endResources()
                .withArgs("-conf", "/etc/coredns/Corefile")
                .addNewVolumeMount().withName("config-volume").withMountPath("/etc/coredns").withReadOnly(true).endVolumeMount()
                .addNewPort().withContainerPort(53).withName("dns").withProtocol("UDP").endPort()
                .addNewPort().withContainerPort(53).withName("dns-tcp").withProtocol("TCP").endPort()
                .addNewPort().withContainerPort(9153).withName("metrics").withProtocol("TCP").endPort()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withAdd("NET_BIND_SERVICE").withDrop("ALL").endCapabilities().endSecurityContext()
                .withNewLivenessProbe().withNewHttpGet().withPath("/health").withPort(new IntOrString(8080)).withScheme("HTTP")
                .endHttpGet().withInitialDelaySeconds(60).withTimeoutSeconds(5).withSuccessThreshold(1).withFailureThreshold(5)
                .endLivenessProbe()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8181)).withScheme("HTTP")
                .endHttpGet().endReadinessProbe()
                .endContainer()
                .withDnsPolicy("Default")
                .addNewVolume().withName("config-volume").withNewConfigMap().withName("coredns")
                .addNewItem().withKey("Corefile").withPath("Corefile").endItem().endConfigMap().endVolume()
                .endSpec().endTemplate().endSpec().build();
    }

    static Service service(String dnsIp) {
        return new ServiceBuilder().withNewMetadata().withName("kube-dns").withNamespace("kube-system")
                .addToLabels("k8s-app", "kube-dns").addToLabels("kubernetes.io/cluster-service", "true")
                .addToLabels("kubernetes.io/name", "CoreDNS")
                .addToAnnotations("prometheus.io/port", "9153").addToAnnotations("prometheus.io/scrape", "true")
                .endMetadata()
                .withNewSpec().withClusterIP(dnsIp).withSelector(LABELS)
                .addNewPort().withName("dns").withPort(53).withProtocol("UDP").withTargetPort(new IntOrString(53)).endPort()
                .addNewPort().withName("dns-tcp").withPort(53).withProtocol("TCP").withTargetPort(new IntOrString(53)).endPort()
                .addNewPort().withName("metrics").withPort(9153).withProtocol("TCP").withTargetPort(new IntOrString(9153)).endPort()
                .endSpec().build();
    }
}
