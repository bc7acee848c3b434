package org.laymanlabs.sandbox.kube.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.socket.Listener;

/**
 * LoadBalancer Services in the simulated cloud. The pods' servers are listeners the test binds
 * in the pods' namespaces (the kubelet runs no containers yet); the client is the cloud's
 * "outside" machine on the internet segment, and every packet crosses the balancer's own rules,
 * the node's kube-proxy rules and the pod network.
 */
@DisplayName("A LoadBalancer Service")
class LoadBalancerTest {

    final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    final Cluster cluster = sandbox.cluster();
    final Connector connector = new Connector(new Ipv4Stack(cluster.network(), cluster.netfilters()),
            new java.util.SplittableRandom(5), sandbox.clock());

    CommandResult run(String line) {
        CommandResult result = sandbox.shell().run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result;
    }

    void frontends(int replicas) {
        run("kubectl create deployment frontend --image=nginx:1.27 --replicas=" + replicas);
        sandbox.clock().advance(Duration.ofSeconds(10));
        for (Pod pod : cluster.api().list(Pod.class, "default")) {
            String name = pod.getMetadata().getName();
            cluster.kubelet(pod.getSpec().getNodeName()).podNamespace(pod.getMetadata().getUid()).orElseThrow().sockets()
                    .listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 5000, "frontend (test stand-in)",
                            (request, peer) -> HttpResponse.of(200, "OK", List.of(), name + "\n").toWire()));
        }
    }

    Exchange fromOutside(String ip) {
        return connector.exchange(cluster.cloud().internet().outside(), Ipv4Address.parse(ip), 80,
                "GET / HTTP/1.1\r\nHost: " + ip + "\r\n\r\n", Duration.ofSeconds(3));
    }

    @Test
    void isPendingUntilTheCloudHasBuiltItThenAnswersFromOutsideOnItsExternalIp() {
        frontends(3);
        run("kubectl expose deployment frontend --name=frontend-lb --port=80 --target-port=5000 --type=LoadBalancer");
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(run("kubectl get svc frontend-lb").stdout()).containsPattern(
                "frontend-lb   LoadBalancer   10\\.\\d+\\.\\d+\\.\\d+ +<pending>     80:3\\d{4}/TCP   1s\n");

        sandbox.clock().advance(Cloud.PROVISIONING);

        assertThat(run("kubectl get svc frontend-lb").stdout()).containsPattern("   203\\.0\\.113\\.10   80:3\\d{4}/TCP   ");
        Set<String> served = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Exchange exchange = fromOutside("203.0.113.10");
            assertThat(exchange).isInstanceOf(Exchange.Answered.class);
            served.add(HttpResponse.parse(((Exchange.Answered) exchange).response()).orElseThrow().body().strip());
        }
        assertThat(served).hasSize(3);
        assertThat(run("kubectl describe svc frontend-lb").stdout())
                .contains("LoadBalancer Ingress:     203.0.113.10 (VIP)\n")
                .containsPattern("Normal  EnsuringLoadBalancer  \\d+s +service-controller  Ensuring load balancer\n")
                .containsPattern("Normal  EnsuredLoadBalancer   \\d+s +service-controller  Ensured load balancer\n");
    }

    @Test
    void forwardsToTheWorkersNodePortsWithItsOwnNetfilterRules() {
        frontends(1);
        run("kubectl expose deployment frontend --name=frontend-lb --port=80 --target-port=5000 --type=LoadBalancer");
        sandbox.clock().advance(Duration.ofSeconds(15));
        Service svc = cluster.api().get(Service.class, "default", "frontend-lb").orElseThrow();
        int nodePort = svc.getSpec().getPorts().get(0).getNodePort();

        // The control-plane node carries node.kubernetes.io/exclude-from-external-load-balancers, as kubeadm labels it.
        assertThat(cluster.cloud().backends(svc)).extracting(Ipv4Address::toString).containsExactly("192.168.49.3", "192.168.49.4");
        assertThat(svc.getMetadata().getFinalizers()).contains("service.kubernetes.io/load-balancer-cleanup");
        assertThat(svc.getStatus().getLoadBalancer().getIngress().get(0).getIpMode()).isEqualTo("VIP");
        assertThat(run("node-shell worker-1 iptables-save -t nat").stdout()).contains("-A KUBE-SERVICES -d 203.0.113.10/32 -p tcp"
                + " -m comment --comment \"default/frontend-lb loadbalancer IP\" -m tcp --dport 80 -j KUBE-EXT-");
        assertThat(fromOutside("203.0.113.10")).isInstanceOf(Exchange.Answered.class);
        assertThat(nodePort).isBetween(30000, 32767);
    }

    @Test
    void withExternalTrafficPolicyLocalSendsOnlyToTheNodeThatRunsThePodAsItsHealthCheckSays() {
        frontends(1);
        Pod pod = cluster.api().list(Pod.class, "default").get(0);
        String podNodeIp = pod.getStatus().getHostIP();
        cluster.api().await(cluster.api().create(new ServiceBuilder().withNewMetadata().withName("frontend-local")
                .withNamespace("default").endMetadata().withNewSpec().withType("LoadBalancer")
                .withExternalTrafficPolicy("Local").addToSelector("app", "frontend").addNewPort().withPort(80)
                .withTargetPort(new IntOrString(5000)).endPort().endSpec().build()));
        sandbox.clock().advance(Duration.ofSeconds(20));
        Service svc = cluster.api().get(Service.class, "default", "frontend-local").orElseThrow();
        int healthCheck = svc.getSpec().getHealthCheckNodePort();
        assertThat(run("kubectl describe svc frontend-local").stdout()).contains("External Traffic Policy:  Local\n")
                .contains("HealthCheck NodePort:     " + healthCheck + "\n");

        assertThat(cluster.cloud().backends(svc)).extracting(Ipv4Address::toString).containsExactly(podNodeIp);
        String otherNode = podNodeIp.equals("192.168.49.3") ? "192.168.49.4" : "192.168.49.3";
        CommandResult probe = run("curl -s -i http://" + otherNode + ":" + healthCheck + "/healthz");
        assertThat(probe.stdout()).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                .contains("X-Load-Balancing-Endpoint-Weight: 0").endsWith("\"localEndpoints\": 0,\n\t\"serviceProxyHealthy\": true\n}");
        for (int i = 0; i < 10; i++) {
            assertThat(fromOutside("203.0.113.10")).isInstanceOf(Exchange.Answered.class);
        }
    }

    @Test
    void isTornDownWhenTheServiceIsDeleted() {
        frontends(1);
        run("kubectl expose deployment frontend --name=frontend-lb --port=80 --target-port=5000 --type=LoadBalancer");
        sandbox.clock().advance(Duration.ofSeconds(15));
        String balancer = Cloud.name(cluster.api().get(Service.class, "default", "frontend-lb").orElseThrow());

        run("kubectl delete svc frontend-lb");
        sandbox.clock().advance(Duration.ofSeconds(2));

        assertThat(cluster.api().get(Service.class, "default", "frontend-lb")).isEmpty();
        assertThat(cluster.network().namespace(balancer)).isEmpty();
        assertThat(fromOutside("203.0.113.10")).isNotInstanceOf(Exchange.Answered.class);
    }

    @Test
    void answersTheLearnersOwnCurlThroughTheHomeRoutersNat() {
        frontends(2);
        run("kubectl expose deployment frontend --name=frontend-lb --port=80 --target-port=5000 --type=LoadBalancer");
        sandbox.clock().advance(Duration.ofSeconds(15));

        // The laptop's default route (192.168.1.1 on eth0) leads to its home router, which masquerades onto the internet.
        assertThat(run("curl -s http://203.0.113.10/").stdout()).startsWith("frontend-");
        assertThat(run("ip route").stdout()).startsWith("default via 192.168.1.1 dev eth0");
        assertThat(run("node-shell worker-1 ip route").stdout()).doesNotContain("203.0.113");
    }
}
