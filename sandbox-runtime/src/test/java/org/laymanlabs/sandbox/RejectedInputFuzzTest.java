package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.api.ApiResources;

/**
 * Files a learner pastes, mangled: kube-proxy and Docker rulesets for iptables-restore,
 * manifests for kubectl apply, Dockerfiles for docker build. Each is taken or refused with the
 * tool's error, never a crash; and a refused ruleset or manifest changes nothing it had not
 * committed, because iptables-restore commits each table whole at its COMMIT line (the kernel
 * keeps the tables committed before a failing line, as this machine's iptables-nft-restore
 * showed) and the API server writes an object only valid.
 */
class RejectedInputFuzzTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    @Test
    void aRefusedRulesetLeavesTheTablesItHadNotCommittedAsTheyWere() {
        List<String> rulesets = Stream.of("net/iptables/kube-nat.rules", "net/iptables/internal-traffic-policy-e2e.rules",
                "net/oracle/docker-publish.rules", "net/oracle/affinity.rules").map(RejectedInputFuzzTest::resource).toList();
        int[] outcomes = new int[2];
        Fuzz.run(2_000, Fuzz.mutationsOf(rulesets), rules -> {
            sandbox.workspace().write("rules.txt", rules);
            String before = sandbox.shell().run("iptables-save").stdout();
            CommandResult result = sandbox.shell().run("iptables-restore rules.txt");
            outcomes[result.exitCode() == 0 ? 0 : 1]++;
            if (result.exitCode() != 0) {
                assertThat(result.stderr()).isNotBlank();
                Set<String> committed = committedBefore(rules, failingLine(result.stderr()));
                Map<String, String> after = tables(sandbox.shell().run("iptables-save").stdout());
                tables(before).forEach((table, rulesBefore) -> {
                    if (!committed.contains(table)) {
                        assertThat(after.get(table)).as("table " + table).isEqualTo(rulesBefore);
                    }
                });
            }
        });
        // Near misses reach both ends: some mangled rulesets still load, most are refused.
        assertThat(outcomes[0]).as("rulesets taken").isGreaterThan(50);
        assertThat(outcomes[1]).as("rulesets refused").isGreaterThan(100);
    }

    @Test
    void aManifestKubectlRefusesChangesNoObject() {
        List<String> manifests = List.of(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 2\n"
                        + "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n"
                        + "    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        ports:\n"
                        + "        - containerPort: 80\n        resources:\n          limits:\n            memory: 64Mi\n",
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: frontend-svc\nspec:\n  type: NodePort\n  selector:\n"
                        + "    app: frontend\n  ports:\n  - port: 80\n    targetPort: 5000\n    nodePort: 30080\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: \"fast\"\n  level: \"3\"\n",
                "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"probe\"}, \"spec\": {\"containers\": [{\"name\": "
                        + "\"app\", \"image\": \"busybox\", \"command\": [\"sleep\", \"3600\"], \"readinessProbe\": {\"tcpSocket\": "
                        + "{\"port\": 8080}, \"periodSeconds\": 5}}]}}");
        int[] outcomes = new int[2];
        Fuzz.run(1_000, Fuzz.mutationsOf(manifests), manifest -> {
            sandbox.workspace().write("m.yaml", manifest);
            // Controllers and kubelets finish what earlier applies started, so that only the apply can change things.
            sandbox.clock().advance(Duration.ofSeconds(10));
            String before = objects();
            CommandResult result = sandbox.shell().run("kubectl apply -f m.yaml");
            outcomes[result.exitCode() == 0 ? 0 : 1]++;
            if (result.exitCode() != 0) {
                assertThat(result.stderr()).isNotBlank();
                assertThat(objects()).isEqualTo(before);
            }
        });
        assertThat(outcomes[0]).as("manifests applied").isGreaterThan(20);
        assertThat(outcomes[1]).as("manifests refused").isGreaterThan(50);
    }

    @Test
    void aDockerfileDockerCannotBuildEndsWithItsError() {
        List<String> dockerfiles = List.of(
                "# syntax=docker/dockerfile:1\nFROM busybox:1.36 AS base\nWORKDIR /app\nCOPY web.yaml ./\nRUN echo built > /built\n"
                        + "ENV A=1 B=\"two words\"\nEXPOSE 8080/tcp\nUSER 1000:1000\nENTRYPOINT [\"sh\", \"-c\"]\nCMD [\"cat /built\"]\n",
                "FROM python:3.12-slim\nARG VERSION=1\nLABEL version=$VERSION\nCOPY . /src\nRUN chmod +x /src/* && ls /src\n"
                        + "HEALTHCHECK --interval=5s CMD [\"true\"]\nCMD python3 -m http.server 8000\n",
                "FROM nginx:1.27 AS web\nCOPY --chown=101:101 web.yaml /usr/share/nginx/html/\nFROM web\nSTOPSIGNAL SIGQUIT\n");
        sandbox.workspace().write("web.yaml", "kind: Pod\n");
        int[] outcomes = new int[2];
        Fuzz.run(600, Fuzz.mutationsOf(dockerfiles), dockerfile -> {
            sandbox.workspace().write("Dockerfile", dockerfile);
            CommandResult result = sandbox.shell().run("docker build -q -t fuzz .");
            outcomes[result.exitCode() == 0 ? 0 : 1]++;
            if (result.exitCode() != 0) {
                assertThat(result.stderr()).isNotBlank();
            }
        });
        assertThat(outcomes[0]).as("Dockerfiles built").isGreaterThan(30);
        assertThat(outcomes[1]).as("Dockerfiles refused").isGreaterThan(30);
    }

    /** The line iptables-restore names in its error, or 0 when it refused the input before reading it. */
    private static int failingLine(String stderr) {
        Matcher line = Pattern.compile("line:? (\\d+)").matcher(stderr);
        return line.find() ? Integer.parseInt(line.group(1)) : 0;
    }

    /** The tables whose COMMIT line comes before the failing line. */
    private static Set<String> committedBefore(String rules, int failingLine) {
        Set<String> committed = new HashSet<>();
        String table = null;
        String[] lines = rules.split("\n", -1);
        for (int i = 0; i < lines.length && i + 1 < failingLine; i++) {
            if (lines[i].startsWith("*")) {
                table = lines[i].substring(1).trim();
            } else if (lines[i].trim().equals("COMMIT") && table != null) {
                committed.add(table);
            }
        }
        return committed;
    }

    /** iptables-save's output, table by table, without its dated comments. */
    private static Map<String, String> tables(String saved) {
        Map<String, String> tables = new HashMap<>();
        String table = null;
        StringBuilder body = new StringBuilder();
        for (String line : saved.split("\n")) {
            if (line.startsWith("*")) {
                table = line.substring(1);
                body.setLength(0);
            } else if (line.equals("COMMIT") && table != null) {
                tables.put(table, body.toString());
            } else if (!line.startsWith("#")) {
                body.append(line).append('\n');
            }
        }
        return tables;
    }

    /** Every object a learner's apply could touch, with its resourceVersion. */
    private String objects() {
        return ApiResources.ALL.stream().filter(t -> !t.kind().equals("Event") && !t.kind().equals("Lease")
                        && !t.kind().equals("Node"))
                .flatMap(t -> sandbox.cluster().api().list(t, "").stream())
                .map(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/"
                        + o.getMetadata().getName() + "@" + o.getMetadata().getResourceVersion())
                .sorted().collect(Collectors.joining("\n"));
    }

    private static String resource(String path) {
        try (InputStream in = RejectedInputFuzzTest.class.getResourceAsStream("/org/laymanlabs/sandbox/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
