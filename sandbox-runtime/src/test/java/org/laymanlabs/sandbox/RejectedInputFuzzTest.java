package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Files a learner pastes, mangled: kube-proxy and Docker rulesets for iptables-restore,
 * manifests for kubectl apply, Dockerfiles for docker build. Each is taken or refused with the
 * tool's error, never a crash; and a refused ruleset or manifest changes nothing it had not
 * committed, because iptables-restore commits each table whole at its COMMIT line (the kernel
 * keeps the tables committed before a failing line, as this machine's iptables-nft-restore
 * showed) and the API server writes an object only valid: a refused apply leaves the store's
 * revision where it was (the clock stands still, so nothing else writes). Ten thousand cases
 * each, from a fixed seed (issue #12).
 */
class RejectedInputFuzzTest {

    private final Sandbox sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    @Test
    void aRefusedRulesetLeavesTheTablesItHadNotCommittedAsTheyWere() {
        List<String> rulesets = Stream.of("net/iptables/kube-nat.rules", "net/iptables/internal-traffic-policy-e2e.rules",
                "net/oracle/docker-publish.rules", "net/oracle/affinity.rules").map(RejectedInputFuzzTest::resource).toList();
        int[] outcomes = new int[2];
        Fuzz.run(10_000, Fuzz.mutationsOf(rulesets), rules -> {
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
        assertThat(outcomes[0]).as("rulesets taken").isGreaterThan(250);
        assertThat(outcomes[1]).as("rulesets refused").isGreaterThan(500);
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
        boolean[] settled = {false};
        Fuzz.run(10_000, Fuzz.mutationsOf(manifests), manifest -> {
            sandbox.workspace().write("m.yaml", manifest);
            if (!settled[0]) {
                // Controllers and kubelets finish what the last apply started, so that only this apply can change things.
                sandbox.clock().advance(Duration.ofSeconds(10));
                settled[0] = true;
            }
            long revision = sandbox.cluster().api().resourceVersion();
            CommandResult result = sandbox.shell().run("kubectl apply -f m.yaml");
            outcomes[result.exitCode() == 0 ? 0 : 1]++;
            if (result.exitCode() != 0) {
                assertThat(result.stderr()).isNotBlank();
            }
            if (result.stdout().isBlank()) {
                // kubectl names on stdout each object it applied: a JSON stream with garbage after its first
                // object applies that object and then fails, as kubectl's decoder does; one it refused whole writes nothing.
                assertThat(sandbox.cluster().api().resourceVersion()).as("the store's revision").isEqualTo(revision);
            } else {
                settled[0] = false;
            }
        });
        assertThat(outcomes[0]).as("manifests applied").isGreaterThan(200);
        assertThat(outcomes[1]).as("manifests refused").isGreaterThan(500);
    }

    /** Found by the fuzz above: a bad quantity was stored, then threw inside the scheduler's watch handler. */
    @Test
    void aManifestWithABadQuantityIsRefusedAsTheApiServerRefusesToDecodeIt() {
        sandbox.workspace().write("m.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n"
                + "  - name: app\n    image: nginx:1.27\n    resources:\n      limits:\n        memory: 64|Mi\n");

        CommandResult result = sandbox.shell().run("kubectl apply -f m.yaml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Pod in version \"v1\" cannot be handled as a Pod: quantities must match the "
                + "regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        sandbox.clock().advance(Duration.ofSeconds(10));
        assertThat(sandbox.shell().run("kubectl get pods").stderr()).isEqualTo("No resources found in default namespace.\n");
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
        Fuzz.run(10_000, Fuzz.mutationsOf(dockerfiles), dockerfile -> {
            sandbox.workspace().write("Dockerfile", dockerfile);
            String imagesBefore = sandbox.shell().run("docker images").stdout();
            CommandResult result = sandbox.shell().run("docker build -q -t fuzz .");
            outcomes[result.exitCode() == 0 ? 0 : 1]++;
            if (result.exitCode() != 0) {
                assertThat(result.stderr()).isNotBlank();
                // A build that fails keeps its base image and the layers of the steps before (the build cache), as
                // Docker does, but does not move the tag it was asked for.
                assertThat(tagged(sandbox.shell().run("docker images").stdout())).isEqualTo(tagged(imagesBefore));
            }
        });
        assertThat(outcomes[0]).as("Dockerfiles built").isGreaterThan(200);
        assertThat(outcomes[1]).as("Dockerfiles refused").isGreaterThan(500);
    }

    /** docker images' line of the tag the fuzz builds, without its age, which moves with the clock. */
    private static String tagged(String images) {
        return images.lines().filter(l -> l.startsWith("fuzz ")).map(l -> l.split(" {2,}")[0] + " " + l.split(" {2,}")[1]
                + " " + l.split(" {2,}")[2]).collect(Collectors.joining("\n"));
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

    private static String resource(String path) {
        try (InputStream in = RejectedInputFuzzTest.class.getResourceAsStream("/org/laymanlabs/sandbox/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
