package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thousands of command lines a learner might type, built from the real verbs and flags of every
 * tool in the sandbox with fuzzed arguments in between, all run in one sandbox one after the
 * other: whatever the tools make of them, no exception escapes, every command ends with an exit
 * status, and the sandbox still answers afterwards.
 */
class CommandLineFuzzTest {

    private static final List<String> STARTS = List.of("docker run", "docker run -d", "docker ps", "docker ps -a --filter",
            "docker images", "docker build -t", "docker exec", "docker logs", "docker rm -f", "docker rmi",
            "docker network create", "docker network ls", "docker network inspect", "docker network rm", "docker volume create",
            "docker inspect", "docker stop -t", "docker kill -s", "docker pull", "docker tag", "docker top", "docker history",
            "docker system df", "kubectl get", "kubectl get pods -o", "kubectl describe", "kubectl apply -f",
            "kubectl create deployment", "kubectl create service clusterip", "kubectl create namespace", "kubectl run",
            "kubectl expose deployment", "kubectl delete", "kubectl scale deployment", "kubectl patch deployment",
            "kubectl label", "kubectl annotate", "kubectl set image deployment/", "kubectl rollout undo",
            "kubectl rollout history", "kubectl cordon", "kubectl taint nodes", "kubectl explain", "kubectl logs",
            "kubectl exec", "kubectl get -w", "ip addr", "ip link add", "ip route add", "ip netns add", "ip netns exec",
            "iptables -t nat -L", "iptables -A INPUT", "iptables -t nat -A PREROUTING -p tcp --dport", "iptables -D",
            "iptables -N", "iptables -X", "iptables -F", "iptables-save -t", "curl -s", "curl -v", "trace", "ping -c 1",
            "node-shell", "etcdctl get --prefix", "etcdctl put", "ls -l", "cat", "echo", "mkdir -p", "rm -rf", "cp", "mv",
            "chmod", "cd", "export", "bridge fdb show");

    private static final List<String> WORDS = List.of("nginx", "nginx:1.27", "busybox", "web", "web:v1", "pods", "pod",
            "deploy", "svc", "ns", "nodes", "no", "all", "-A", "-n", "kube-system", "default", "-l", "app=web", "app!=",
            "--replicas=2", "--replicas=-1", "--image=nginx", "--port=80", "--target-port=8080", "-p", "8080:80",
            "80:80/udp", "--name", "--rm", "-it", "-e", "A=B", "--", "sh", "-c", "echo hi", "yaml", "json", "wide",
            "jsonpath={.items[*]}", "name", "--all", "--force", "--grace-period=0", "-f", "web.yaml", ".", "Dockerfile",
            "10.244.1.2", "10.96.0.1", "192.168.49.2", "http://10.96.0.1/", "worker-1", "control-plane", "eth0", "lo",
            "veth0", "type", "veth", "peer", "name", "via", "dev", "-j", "ACCEPT", "DROP", "DNAT", "--to-destination",
            "KUBE-SERVICES", "nat", "filter", "/registry/", "key=value:NoSchedule", "spec.replicas", "--type=merge", "-p",
            "{\"spec\":{\"replicas\":3}}", "--previous", "-c", "app", "/etc/hosts", "/", "~", "*.yaml", "x");

    @Test
    void threeThousandCommandLinesEachEndWithAnExitStatus() {
        Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
        sandbox.workspace().write("web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                + "  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
                + "    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n");
        sandbox.workspace().write("Dockerfile", "FROM busybox\nRUN echo hi > /hi\nCMD [\"cat\", \"/hi\"]\n");
        Fuzz.run(3_000, CommandLineFuzzTest::line, line -> {
            CommandResult result = sandbox.shell().run(line);
            assertThat(result.exitCode()).isBetween(0, 255);
        });
        assertThat(sandbox.shell().run("echo still here").stdout()).isEqualTo("still here\n");
    }

    /**
     * pflag's own refusals, which docker and kubectl print before they do anything: a line refused
     * with one of them has changed nothing.
     */
    private static final java.util.regex.Pattern USAGE_ERROR = java.util.regex.Pattern.compile(
            "unknown flag|unknown shorthand flag|flag needs an argument|invalid argument \"");

    /** Lines whose errors may go elsewhere than the terminal, or that run more than one command. */
    private static final java.util.regex.Pattern SEVERAL_OR_REDIRECTED = java.util.regex.Pattern.compile("[>|;&\n`]|\\$\\(");

    @Test
    void tenThousandDockerLinesEndWithAStatusAndAFlagErrorChangesNothing() {
        flags(STARTS.stream().filter(s -> s.startsWith("docker ")).toList(),
                sandbox -> SandboxFingerprint.of(sandbox).toString());
    }

    @Test
    void tenThousandKubectlLinesEndWithAStatusAndAFlagErrorChangesNothing() {
        flags(STARTS.stream().filter(s -> s.startsWith("kubectl ") && !s.contains(" -w")).toList(),
                sandbox -> String.valueOf(sandbox.cluster().api().resourceVersion()));
    }

    /** @param state what the tool could change, compared before and after a line its flags refused */
    private void flags(List<String> starts, java.util.function.Function<Sandbox, String> state) {
        Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
        int[] usageErrors = new int[1];
        Fuzz.run(10_000, random -> line(random, starts), line -> {
            CommandResult result = sandbox.shell().run(line);
            assertThat(result.exitCode()).isBetween(0, 255);
            // docker exec and an attached docker run end with their program's status, which may fail silently.
            boolean plain = !SEVERAL_OR_REDIRECTED.matcher(line).find() && !line.contains(" exec") && !line.startsWith("docker run");
            if (plain && result.exitCode() != 0) {
                assertThat(result.stderr()).as("a refusal says why").isNotBlank();
            }
            if (plain && USAGE_ERROR.matcher(result.stderr()).find()) {
                usageErrors[0]++;
                String before = state.apply(sandbox);
                assertThat(sandbox.shell().run(line).exitCode()).isEqualTo(result.exitCode());
                assertThat(state.apply(sandbox)).isEqualTo(before);
            }
        });
        assertThat(usageErrors[0]).as("lines refused for their flags").isGreaterThan(300);
    }

    private static String line(SplittableRandom random) {
        return line(random, STARTS);
    }

    private static String line(SplittableRandom random, List<String> starts) {
        StringBuilder line = new StringBuilder(starts.get(random.nextInt(starts.size())));
        int args = random.nextInt(5);
        for (int i = 0; i < args; i++) {
            line.append(' ');
            line.append(random.nextInt(4) == 0 ? Fuzz.noise(random) : WORDS.get(random.nextInt(WORDS.size())));
        }
        return line.toString();
    }
}
