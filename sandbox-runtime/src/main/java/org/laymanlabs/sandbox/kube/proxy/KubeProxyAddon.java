package org.laymanlabs.sandbox.kube.proxy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.util.List;

/**
 * Mirrors kubeadm's kube-proxy add-on (cmd/kubeadm/app/phases/addons/proxy/manifests.go): the
 * kube-proxy ServiceAccount, the kube-proxy ConfigMap with its KubeProxyConfiguration (mode
 * iptables, as kind sets it, and this cluster's clusterCIDR) and kubeconfig, and the kube-proxy
 * DaemonSet, which puts a host-network pod on every node (it tolerates every taint) so that
 * {@code kubectl get pods -n kube-system -o wide} shows kube-proxy-xxxxx on each, as on a kubeadm
 * cluster. The proxy that pod stands for is the node's {@link Proxier}.
 */
public final class KubeProxyAddon {

    static final String IMAGE = "registry.k8s.io/kube-proxy:v1.32.5";

    private KubeProxyAddon() {
    }

    public static List<HasMetadata> objects(String clusterCidr, String apiServer) {
        return List.of(
                new ServiceAccountBuilder().withNewMetadata().withName("kube-proxy").withNamespace("kube-system").endMetadata()
                        .build(),
                new ConfigMapBuilder().withNewMetadata().withName("kube-proxy").withNamespace("kube-system")
                        .addToLabels("app", "kube-proxy").endMetadata()
                        .addToData("config.conf", config(clusterCidr))
                        .addToData("kubeconfig.conf", kubeconfig(apiServer)).build(),
                daemonSet());
    }

    private static HasMetadata daemonSet() {
        return new DaemonSetBuilder().withNewMetadata().withName("kube-proxy").withNamespace("kube-system")
                .addToLabels("k8s-app", "kube-proxy").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("k8s-app", "kube-proxy").endSelector()
                .withNewUpdateStrategy().withType("RollingUpdate").endUpdateStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("k8s-app", "kube-proxy").endMetadata()
                .withNewSpec().withPriorityClassName("system-node-critical")
                .addNewContainer().withName("kube-proxy").withImage(IMAGE).withImagePullPolicy("IfNotPresent")
                .withCommand("/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf",
                        "--hostname-override=$(NODE_NAME)")
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .addNewVolumeMount().withMountPath("/var/lib/kube-proxy").withName("kube-proxy").endVolumeMount()
                .addNewVolumeMount().withMountPath("/run/xtables.lock").withName("xtables-lock").withReadOnly(false)
                .endVolumeMount()
                .addNewVolumeMount().withMountPath("/lib/modules").withName("lib-modules").withReadOnly(true).endVolumeMount()
                .addNewEnv().withName("NODE_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName")
                .endFieldRef().endValueFrom().endEnv()
                .endContainer()
                .withHostNetwork(true).withServiceAccountName("kube-proxy")
                .addNewVolume().withName("kube-proxy").withNewConfigMap().withName("kube-proxy").endConfigMap().endVolume()
                .addNewVolume().withName("xtables-lock").withNewHostPath().withPath("/run/xtables.lock")
                .withType("FileOrCreate").endHostPath().endVolume()
                .addNewVolume().withName("lib-modules").withNewHostPath().withPath("/lib/modules").endHostPath().endVolume()
                .addNewToleration().withOperator("Exists").endToleration()
                .addToNodeSelector("kubernetes.io/os", "linux")
                .endSpec().endTemplate().endSpec().build();
    }

    /** The KubeProxyConfiguration kubeadm writes, with the defaults it prints, mode iptables. */
    private static String config(String clusterCidr) {
        return """
                apiVersion: kubeproxy.config.k8s.io/v1alpha1
                bindAddress: 0.0.0.0
                bindAddressHardFail: false
                clientConnection:
                  acceptContentTypes: ""
                  burst: 0
                  contentType: ""
                  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
                  qps: 0
                clusterCIDR: %s
                configSyncPeriod: 0s
                conntrack:
                  maxPerCore: null
                  min: null
                  tcpCloseWaitTimeout: null
                  tcpEstablishedTimeout: null
                detectLocalMode: ""
                enableProfiling: false
                healthzBindAddress: ""
                hostnameOverride: ""
                iptables:
                  localhostNodePorts: null
                  masqueradeAll: false
                  masqueradeBit: null
                  minSyncPeriod: 1s
                  syncPeriod: 0s
                kind: KubeProxyConfiguration
                metricsBindAddress: ""
                mode: iptables
                nodePortAddresses: null
                oomScoreAdj: null
                portRange: ""
                showHiddenMetricsForVersion: ""
                winkernel:
                  enableDSR: false
                  forwardHealthCheckVip: false
                  networkName: ""
                  rootHnsEndpointName: ""
                  sourceVip: ""
                """.formatted(clusterCidr);
    }

    private static String kubeconfig(String apiServer) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster:
                    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
                    server: %s
                  name: default
                contexts:
                - context:
                    cluster: default
                    namespace: default
                    user: default
                  name: default
                current-context: default
                users:
                - name: default
                  user:
                    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
                """.formatted(apiServer);
    }
}
