package org.laymanlabs.sandbox.kube.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.socket.Listener;

/**
 * The Done-when scenarios for Services, on the sandbox's kubeadm-style cluster. Until the
 * kubelet runs containers, each frontend pod's server is a listener the test binds itself in the
 * pod's network namespace (answering with the pod's name), where the container's process would
 * bind; everything between the client and that socket is the real path: the client pod's veth,
 * the node's kube-proxy rules, routing across the node LAN, cni0 and the target pod's veth.
 */
@DisplayName("Services on the cluster, end to end")
class ServiceScenarioTest {

    final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    final Cluster cluster = sandbox.cluster();
    final Connector connector = new Connector(new Ipv4Stack(cluster.network(), cluster.netfilters()),
            new java.util.SplittableRandom(11), sandbox.clock());

    CommandResult run(String line) {
        CommandResult result = sandbox.shell().run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result;
    }

    List<Pod> pods(String label) {
        return cluster.api().list(Pod.class, "default").stream()
                .filter(p -> label.equals(p.getMetadata().getLabels().get("app"))).toList();
    }

    NetworkNamespace namespaceOf(Pod pod) {
        return cluster.kubelet(pod.getSpec().getNodeName()).podNamespace(pod.getMetadata().getUid()).orElseThrow();
    }

    /** The stand-in for the frontend container: an HTTP server on targetPort 5000 that names its pod. */
    void serveFrontends() {
        for (Pod pod : pods("frontend")) {
            String name = pod.getMetadata().getName();
            namespaceOf(pod).sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 5000, "frontend (test stand-in)",
                    (request, peer) -> HttpResponse.of(200, "OK", List.of(), name + "\n").toWire()));
        }
    }

    void frontendSvc() {
        frontendSvc("ClusterIP");
    }

    void frontendSvc(String type) {
        run("kubectl create deployment frontend --image=nginx:1.27 --replicas=3");
        run("kubectl expose deployment frontend --name=frontend-svc --port=80 --target-port=5000 --type=" + type);
        sandbox.clock().advance(Duration.ofSeconds(10));
        serveFrontends();
    }

    Pod client(String name, String node) {
        cluster.api().await(cluster.api().create(new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
                .addToLabels("run", name).endMetadata().withNewSpec().withNodeName(node).addNewContainer().withName(name)
                .withImage("busybox:1.36").withCommand("sleep", "3600").endContainer().endSpec().build()));
        sandbox.clock().advance(Duration.ofSeconds(5));
        return cluster.api().get(Pod.class, "default", name).orElseThrow();
    }

    String clusterIp() {
        return cluster.api().get(Service.class, "default", "frontend-svc").orElseThrow().getSpec().getClusterIP();
    }

    Exchange get(Pod from, String ip, int port) {
        return connector.exchange(namespaceOf(from), Ipv4Address.parse(ip), port,
                "GET / HTTP/1.1\r\nHost: " + ip + "\r\n\r\n", Duration.ofSeconds(3));
    }

    static String answer(Exchange exchange) {
        return exchange instanceof Exchange.Answered a ? HttpResponse.parse(a.response()).orElseThrow().body().strip()
                : exchange.getClass().getSimpleName();
    }

    @Test
    void frontendSvcSpreadsThreeThousandRequestsFromAClientPodWithinFivePercentOfAThirdEach() {
        frontendSvc();
        Pod client = client("client", "worker-1");

        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            served.merge(answer(get(client, clusterIp(), 80)), 1, Integer::sum);
        }

        assertThat(served).hasSize(3).containsOnlyKeys(pods("frontend").stream().map(p -> p.getMetadata().getName()).toList());
        assertThat(served.values()).allSatisfy(n -> assertThat(n).isBetween(950, 1050));
    }

    @Test
    void aDeletedPodLosesItsEndpointAndItsKubeSepChainAtTheNextSync() {
        frontendSvc();
        Pod victim = pods("frontend").get(0);
        String endpoint = victim.getStatus().getPodIP() + ":5000";
        String sep = new ServicePortName("default", "frontend-svc", "", "TCP").sepChain(endpoint);
        assertThat(run("node-shell worker-2 iptables-save -t nat").stdout()).contains(":" + sep + " ");

        run("kubectl delete pod " + victim.getMetadata().getName() + " --wait=false");
        sandbox.clock().advance(Duration.ofSeconds(2));

        assertThat(cluster.api().list(EndpointSlice.class, "default").stream()
                .filter(s -> "frontend-svc".equals(s.getMetadata().getLabels().get("kubernetes.io/service-name")))
                .flatMap(s -> s.getEndpoints().stream())
                .filter(e -> e.getAddresses().contains(victim.getStatus().getPodIP()))
                .allMatch(e -> Boolean.FALSE.equals(e.getConditions().getReady()))).isTrue();
        for (String node : List.of("control-plane", "worker-1", "worker-2")) {
            assertThat(run("node-shell " + node + " iptables-save -t nat").stdout()).doesNotContain(sep);
        }
    }

    @Test
    void flushingNatOnOneNodeBreaksServicesFromThatNodeOnlyUntilKubeProxysNextSync() {
        frontendSvc();
        Pod onOne = client("one", "worker-1");
        Pod onTwo = client("two", "worker-2");
        assertThat(get(onOne, clusterIp(), 80)).isInstanceOf(Exchange.Answered.class);

        run("node-shell worker-1 iptables -t nat -F");

        assertThat(get(onOne, clusterIp(), 80)).isNotInstanceOf(Exchange.Answered.class);
        assertThat(get(onTwo, clusterIp(), 80)).isInstanceOf(Exchange.Answered.class);
        // -F empties the chains but deletes none: KUBE-PROXY-CANARY is still in mangle, so the 30 s check sees nothing.
        sandbox.clock().advance(Duration.ofMinutes(5));
        assertThat(get(onOne, clusterIp(), 80)).isNotInstanceOf(Exchange.Answered.class);
        // The next sync comes with the next change to any Service or EndpointSlice, or at the latest after an hour.
        sandbox.clock().advance(Duration.ofHours(1));
        assertThat(run("node-shell worker-1 iptables-save -t nat").stdout())
                .contains("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        assertThat(get(onOne, clusterIp(), 80)).isInstanceOf(Exchange.Answered.class);
    }

    @Test
    void aFlushedNodeIsRepairedAsSoonAsAnyServiceChanges() {
        frontendSvc();
        Pod onOne = client("one", "worker-1");
        run("node-shell worker-1 iptables -t nat -F");
        assertThat(get(onOne, clusterIp(), 80)).isNotInstanceOf(Exchange.Answered.class);

        run("kubectl create service clusterip other --tcp=8080:8080");
        sandbox.clock().advance(Duration.ofSeconds(1));

        assertThat(get(onOne, clusterIp(), 80)).isInstanceOf(Exchange.Answered.class);
    }

    @Test
    void aNodePortAnswersOnEveryNodeFromTheLaptop() {
        frontendSvc("NodePort");
        int nodePort = cluster.api().get(Service.class, "default", "frontend-svc").orElseThrow().getSpec().getPorts().get(0)
                .getNodePort();

        for (String node : List.of("192.168.49.2", "192.168.49.3", "192.168.49.4")) {
            CommandResult curl = run("curl -s http://" + node + ":" + nodePort + "/");
            assertThat(curl.stdout()).startsWith("frontend-");
        }
    }
}
