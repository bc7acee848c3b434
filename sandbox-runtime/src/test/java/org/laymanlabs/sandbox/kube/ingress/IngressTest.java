package org.laymanlabs.sandbox.kube.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.http.HttpRequest;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.socket.Listener;

/**
 * The ingress-nginx add-on routing two hosts to two Services, from the laptop through a node's
 * NodePort. The controller's pod runs the controller program; the backends' echo servers are
 * listeners the test binds in their pods' namespaces, so that they can report what the proxy
 * sent; between curl and those sockets everything is the real path.
 */
@DisplayName("An Ingress behind ingress-nginx")
class IngressTest {

    final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
    final Cluster cluster = sandbox.cluster();

    CommandResult run(String line) {
        CommandResult result = sandbox.shell().run(line);
        assertThat(result.exitCode()).as(line + "\n" + result.stderr()).isZero();
        return result;
    }

    NetworkNamespace namespaceOf(Pod pod) {
        return cluster.kubelet(pod.getSpec().getNodeName()).podNamespace(pod.getMetadata().getUid()).orElseThrow();
    }

    List<Pod> pods(String namespace, String app) {
        return cluster.api().list(Pod.class, namespace).stream()
                .filter(p -> app.equals(p.getMetadata().getLabels().get("app"))
                        || app.equals(p.getMetadata().getLabels().get("app.kubernetes.io/name")))
                .toList();
    }

    /** A listener on 5678 beside the pods' nginx (on 80), echoing what the proxy told it: its peer and X-Forwarded-For. */
    void echo(String app) {
        run("kubectl create deployment " + app + " --image=nginx:1.27 --port=5678");
        run("kubectl expose deployment " + app + " --port=80 --target-port=5678");
        sandbox.clock().advance(Duration.ofSeconds(5));
        for (Pod pod : pods("default", app)) {
            namespaceOf(pod).sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 5678, "http-echo (test stand-in)",
                    (raw, peer) -> {
                        HttpRequest request = HttpRequest.parse(raw).orElseThrow();
                        return HttpResponse.of(200, "OK", List.of(), app + " from " + peer.address()
                                + " for " + request.header("X-Forwarded-For").orElse("?") + "\n").toWire();
                    }));
        }
    }

    Pod startController() {
        cluster.enableIngressAddon();
        sandbox.clock().advance(Duration.ofSeconds(10));
        // The controller's pod runs IngressNginxController, as its containerd found the image's binary.
        return pods(IngressNginxAddon.NAMESPACE, "ingress-nginx").get(0);
    }

    void ingress(String name, String host, String service) {
        sandbox.workspace().write("/home/learner/" + name + ".yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: %s
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: %s
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: %s
                            port:
                              number: 80
                """.formatted(name, host, service));
        run("kubectl apply -f " + name + ".yaml");
    }

    int nodePort() {
        Service svc = cluster.api().get(Service.class, IngressNginxAddon.NAMESPACE, "ingress-nginx-controller").orElseThrow();
        return svc.getSpec().getPorts().get(0).getNodePort();
    }

    @Test
    void routesTwoHostsToTwoServicesOnEveryNodesNodePort() {
        echo("a");
        echo("b");
        Pod controllerPod = startController();
        sandbox.workspace().write("/home/learner/ing.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: two-hosts
                spec:
                  ingressClassName: nginx
                  rules:
                  - host: a.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: a
                            port:
                              number: 80
                  - host: b.example.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: b
                            port:
                              number: 80
                """);
        run("kubectl apply -f ing.yaml");
        sandbox.clock().advance(Duration.ofSeconds(2));

        for (String node : List.of("192.168.49.2", "192.168.49.3", "192.168.49.4")) {
            assertThat(run("curl -s -H 'Host: a.example.com' http://" + node + ":" + nodePort() + "/").stdout())
                    .startsWith("a from " + controllerPod.getStatus().getPodIP() + " for ");
            assertThat(run("curl -s -H 'Host: b.example.com' http://" + node + ":" + nodePort() + "/").stdout())
                    .startsWith("b from ");
        }
        String nodeIp = cluster.api().get(io.fabric8.kubernetes.api.model.Node.class, "", controllerPod.getSpec().getNodeName())
                .orElseThrow().getStatus().getAddresses().get(0).getAddress();
        assertThat(run("kubectl describe ingress two-hosts").stdout())
                .contains("Address:          " + nodeIp + "\nIngress Class:    nginx\nDefault backend:  <default>\nRules:\n")
                .containsPattern("  a\\.example\\.com  \n                 /   a:80 \\(10\\.244\\.\\d+\\.\\d+:5678\\)\n")
                .containsPattern("Normal  Sync    \\d+s +nginx-ingress-controller  Scheduled for sync\n");
        assertThat(run("kubectl get ingress").stdout()).matches(
                "NAME        CLASS   HOSTS                         ADDRESS        PORTS   AGE\n"
                        + "two-hosts   nginx   a\\.example\\.com,b\\.example\\.com   " + nodeIp.replace(".", "\\.") + "   80      \\d+s\n");
    }

    @Test
    void theAddOnInstallsTheNginxClassAsTheDefaultAndANodePortService() {
        // IngressClass is cluster-scoped: kubectl names no namespace when there is none.
        assertThat(sandbox.shell().run("kubectl get ingressclass").stderr()).isEqualTo("No resources found\n");
        startController();

        assertThat(run("kubectl get ingressclass").stdout()).matches(
                "NAME    CONTROLLER             PARAMETERS   AGE\nnginx   k8s.io/ingress-nginx   <none>       \\d+s\n");
        assertThat(run("kubectl get svc -n ingress-nginx").stdout()).matches("NAME                       TYPE       CLUSTER-IP"
                + " +EXTERNAL-IP   PORT\\(S\\)        AGE\ningress-nginx-controller   NodePort   10\\.[0-9.]+ +<none>        "
                + "80:3\\d{4}/TCP   \\d+s\n");
    }

    @Test
    void anUnknownHostGetsTheDefaultBackendsNotFoundPage() {
        echo("a");
        startController();
        ingress("a", "a.example.com", "a");
        sandbox.clock().advance(Duration.ofSeconds(2));

        CommandResult curl = run("curl -s -i -H 'Host: nobody.example.com' http://192.168.49.3:" + nodePort() + "/");

        assertThat(curl.stdout()).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("""
                <html>\r
                <head><title>404 Not Found</title></head>\r
                <body>\r
                <center><h1>404 Not Found</h1></center>\r
                <hr><center>nginx</center>\r
                </body>\r
                </html>\r
                """);
        CommandResult logs = sandbox.shell().run("kubectl logs -n " + IngressNginxAddon.NAMESPACE + " "
                + pods(IngressNginxAddon.NAMESPACE, "ingress-nginx").get(0).getMetadata().getName());
        assertThat((logs.stdout() + logs.stderr()).lines()).anyMatch(l -> l.contains("\"GET / HTTP/1.1\" 404 ") && l.contains("[upstream-default-backend]"));
    }

    @Test
    void theBackendSeesTheClientInXForwardedForAndTheProxyAsItsPeer() {
        echo("a");
        Pod controllerPod = startController();
        ingress("a", "a.example.com", "a");
        sandbox.clock().advance(Duration.ofSeconds(2));

        String body = run("curl -s -H 'Host: a.example.com' http://192.168.49.3:" + nodePort() + "/").stdout();

        // The NodePort masquerades the laptop to the node's address before the controller sees it.
        assertThat(body).matches("a from " + controllerPod.getStatus().getPodIP().replace(".", "\\.")
                + " for (192\\.168\\.49\\.3|10\\.244\\.\\d+\\.1)\n");
    }
}
