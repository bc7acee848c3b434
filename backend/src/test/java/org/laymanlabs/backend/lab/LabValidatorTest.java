package org.laymanlabs.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.Fault;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.kube.cni.FlannelBackend;
import org.laymanlabs.sandbox.kube.kubelet.NodeConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of problem the validator reports, each at its exact file, line and column. */
class LabValidatorTest {

    /** A valid lab; the tests below break it one way at a time. */
    static final String VALID = """
            apiVersion: laymanlabs.org/v1alpha1
            kind: Lab
            metadata:
              id: web
              title: A web server
              summary: Serve a page.
              level: beginner
              minutes: 10
              order: 1
            sandbox:
              images: [nginx]
            steps:
              - id: run
                title: Run nginx
                text: steps/run.md
                checks:
                  - kind: container
                    name: nginx runs
                    container: web
                    expect: {state: running}
                  - kind: object
                    name: no pods yet
                    resource: pods
                    expression: size(objects) == 0
                    expect: no pods
                solution:
                  run: [docker run -d --name web nginx]
            """;

    @TempDir
    Path labs;

    private LabValidator.Outcome validate(String yaml) throws IOException {
        Path folder = labs.resolve("labs/web");
        Files.createDirectories(folder.resolve("steps"));
        Files.writeString(folder.resolve("steps/run.md"), "# Run nginx\n");
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        return LabValidator.validate(folder);
    }

    private List<String> problems(String yaml) throws IOException {
        return validate(yaml).problems().stream().map(LabProblem::toString).toList();
    }

    @Test
    void aValidLabHasNoProblemsAndADefinition() throws IOException {
        LabValidator.Outcome outcome = validate(VALID);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.definition()).hasValueSatisfying(lab -> {
            assertThat(lab.lab().title()).isEqualTo("A web server");
            assertThat(lab.steps()).singleElement().satisfies(step -> {
                assertThat(step.text()).isEqualTo("# Run nginx\n");
                assertThat(step.checks()).hasSize(2);
                assertThat(step.solution().run()).containsExactly("docker run -d --name web nginx");
            });
            assertThat(lab.sandbox().images()).containsExactly("nginx");
        });
    }

    @Test
    void theSandboxSectionBecomesTheSandboxSpec() throws IOException {
        Files.createDirectories(labs.resolve("labs/web/manifests"));
        Files.writeString(labs.resolve("labs/web/manifests/web.yaml"), "kind: Service\n");
        LabValidator.Outcome outcome = validate(VALID.replace("""
                sandbox:
                  images: [nginx]
                """, """
                sandbox:
                  seed: 42
                  network: vxlan
                  nodes:
                    - {name: cp, role: control-plane}
                    - name: ssd-1
                      role: worker
                      labels: {disk: ssd}
                      taints: [{key: gpu, value: "true", effect: NoSchedule}]
                      capacity: {cpu: "4", memory: 8Gi, pods: 20}
                  images: [nginx]
                  manifests: [manifests/web.yaml]
                  faults:
                    - stopNode: ssd-1
                    - breakSelector: {service: web, selector: {app: wbe}}
                    - fillNode: {node: cp, cpu: 1500m}
                """));

        SandboxSpec spec = outcome.definition().orElseThrow().sandbox();
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.cluster().networkMode()).isEqualTo(FlannelBackend.VXLAN);
        assertThat(spec.cluster().nodes()).containsExactly(
                NodeConfig.controlPlane("cp", "192.168.49.2", "10.244.0.0/24"),
                new NodeConfig("ssd-1", false, "192.168.49.3", "10.244.1.0/24", Map.of("disk", "ssd"),
                        List.of(new Taint("NoSchedule", "gpu", null, "true")), "4", "8Gi", 20));
        assertThat(spec.manifests()).containsExactly("kind: Service\n");
        assertThat(spec.faults()).containsExactly(new Fault.StopNode("ssd-1"),
                new Fault.BreakSelector("default", "web", Map.of("app", "wbe")), new Fault.FillNode("cp", 1500));
    }

    @Test
    void etcdMembersAreStoppedAndStartedByTheirNamesAndAnUnknownNameIsAProblem() throws IOException {
        LabValidator.Outcome outcome = validate(VALID.replace("  images: [nginx]", """
                  images: [nginx]
                  faults:
                    - stopEtcdMember: etcd-1
                    - startEtcdMember: etcd-1\
                """));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.definition().orElseThrow().sandbox().faults())
                .containsExactly(new Fault.StopEtcdMember("etcd-1"), new Fault.StartEtcdMember("etcd-1"));

        assertThat(problems(VALID.replace("  images: [nginx]", """
                  images: [nginx]
                  faults:
                    - stopEtcdMember: master-1\
                """))).containsExactly("labs/web/lab.yaml:13:23: sandbox.faults[0].stopEtcdMember: no etcd member is named"
                + " 'master-1'; the members are etcd-0, etcd-1, etcd-2");
    }

    @Test
    void aClusterNeedsAControlPlaneAndUniqueNodeNames() throws IOException {
        assertThat(problems(VALID.replace("  images: [nginx]", """
                  nodes:
                    - {name: w, role: worker}
                    - {name: w, role: worker}\
                """))).containsExactly(
                "labs/web/lab.yaml:12:5: sandbox.nodes: a cluster needs at least one node with role: control-plane",
                "labs/web/lab.yaml:13:14: sandbox.nodes[1].name: another node is already named 'w'");
    }

    @Test
    void aDockerLabHasNoClusterAndSoNoPlaceForNodesOrManifests() throws IOException {
        LabValidator.Outcome docker = validate(VALID.replace("  images: [nginx]", "  kubernetes: false\n  images: [nginx]"));
        List<String> confused = problems(VALID.replace("  images: [nginx]",
                "  kubernetes: false\n  nodes: [{name: cp, role: control-plane}]"));

        assertThat(docker.problems()).isEmpty();
        assertThat(docker.definition().orElseThrow().sandbox().cluster().exists()).isFalse();
        assertThat(confused).containsExactly("labs/web/lab.yaml:12:10: sandbox.nodes: a lab with kubernetes: false has no cluster for nodes");
    }

    @Nested
    class EachProblemIsReportedAtItsLineAndColumn {

        @Test
        void badIndentation() throws IOException {
            assertThat(problems(VALID.replace("  title: A web server", "   title: A web server")))
                    .containsExactly("labs/web/lab.yaml:5:9: YAML syntax: mapping values are not allowed here");
        }

        @Test
        void anUnknownField() throws IOException {
            assertThat(problems(VALID.replace("  title: A web server", "  titel: A web server")))
                    .containsExactly(
                            "labs/web/lab.yaml:3:1: missing field 'title' in metadata",
                            "labs/web/lab.yaml:5:3: unknown field 'titel' in metadata; "
                                    + "allowed here: id, title, summary, level, minutes, order, concepts");
        }

        @Test
        void anUnknownFieldInsideACheck() throws IOException {
            assertThat(problems(VALID.replace("    expect: {state: running}", "    expect: {state: running}\n        timeout: 5")))
                    .containsExactly("labs/web/lab.yaml:21:9: unknown field 'timeout' in steps[0].checks[0]; "
                            + "allowed here: kind, name, container, image, expect");
        }

        @Test
        void anUnknownCheckKind() throws IOException {
            assertThat(problems(VALID.replace("kind: container", "kind: cel")))
                    .containsExactly("labs/web/lab.yaml:17:15: unknown check kind 'cel' for steps[0].checks[0].kind; "
                            + "use one of: object, request, trace, image, container, file, history");
        }

        @Test
        void aCelSyntaxErrorAtItsPlaceInsideTheExpression() throws IOException {
            assertThat(problems(VALID.replace("size(objects) == 0", "size(objects) == = 0")))
                    .containsExactly("labs/web/lab.yaml:24:38: steps[0].checks[1].expression: CEL: "
                            + "token recognition error at: '= '");
        }

        @Test
        void aCelErrorOnTheSecondLineOfABlock() throws IOException {
            assertThat(problems(VALID.replace("expression: size(objects) == 0",
                    "expression: |\n                      size(objects) == 0 &&\n                      nosuch > 1")))
                    .containsExactly("labs/web/lab.yaml:26:23: steps[0].checks[1].expression: CEL: "
                            + "undeclared reference to 'nosuch' (in container '')");
        }

        @Test
        void aMissingStepFile() throws IOException {
            assertThat(problems(VALID.replace("text: steps/run.md", "text: steps/01-run.md")))
                    .containsExactly("labs/web/lab.yaml:15:11: steps[0].text: no file 'steps/01-run.md' "
                            + "in the lab's folder labs/web/");
        }

        @Test
        void aMissingStarterFile() throws IOException {
            assertThat(problems(VALID.replace("    text: steps/run.md", "    text: steps/run.md\n"
                    + "    files: [{from: starter/index.html, to: index.html}]")))
                    .containsExactly("labs/web/lab.yaml:16:20: steps[0].files[0].from: no file 'starter/index.html' "
                            + "in the lab's folder labs/web/");
        }

        @Test
        void anUnknownResourceAndABadRegularExpression() throws IOException {
            assertThat(problems(VALID.replace("resource: pods", "resource: podz")
                    .replace("      - kind: object", "      - kind: history\n        name: ran\n        matches: 'docker (run'\n"
                            + "      - kind: object")))
                    .containsExactly(
                            "labs/web/lab.yaml:23:18: steps[0].checks[1].matches: not a regular expression: "
                                    + "Unclosed group near index 11",
                            "labs/web/lab.yaml:26:19: steps[0].checks[2].resource: the cluster has no resource type "
                                    + "'podz'; use one kubectl api-resources lists, like pods, services or deployments");
        }
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnceInLineOrder() throws IOException {
        String broken = VALID.replace("  title: A web server", "  titel: A web server")
                .replace("kind: container", "kind: cel")
                .replace("size(objects) == 0", "size(objects) ==")
                .replace("text: steps/run.md", "text: steps/gone.md")
                .replace("images: [nginx]", "images: [nginx, no-such-image]");

        assertThat(problems(broken)).extracting(p -> p.substring(0, p.indexOf(": ")))
                .containsExactly("labs/web/lab.yaml:3:1", "labs/web/lab.yaml:5:3", "labs/web/lab.yaml:11:19",
                        "labs/web/lab.yaml:15:11", "labs/web/lab.yaml:17:15", "labs/web/lab.yaml:24:37");
    }

    @Test
    void aValueOfTheWrongType() throws IOException {
        assertThat(problems(VALID.replace("  order: 1\n", "")))
                .containsExactly("labs/web/lab.yaml:3:1: missing field 'order' in metadata");
        assertThat(problems(VALID.replace("minutes: 10", "minutes: ten")))
                .containsExactly("labs/web/lab.yaml:8:12: metadata.minutes: string found, integer expected");
    }

    @Test
    void aStepMustCheckStateNotOnlyHistory() throws IOException {
        String onlyHistory = VALID.replace("""
                      - kind: container
                        name: nginx runs
                        container: web
                        expect: {state: running}
                      - kind: object
                        name: no pods yet
                        resource: pods
                        expression: size(objects) == 0
                        expect: no pods
                """, """
                      - {kind: history, name: ran it, matches: docker run}
                """);

        assertThat(problems(onlyHistory)).containsExactly("labs/web/lab.yaml:17:7: steps[0].checks: a step needs at "
                + "least one check on the sandbox's state, not only on the command history");
    }

    @Test
    void theLabsIdMustBeItsFolderName() throws IOException {
        assertThat(problems(VALID.replace("id: web", "id: website")))
                .containsExactly("labs/web/lab.yaml:4:7: metadata.id: must equal the folder name 'web', was 'website'");
    }

    @Test
    void aFolderWithoutLabYamlIsReported() throws IOException {
        Files.createDirectories(labs.resolve("labs/empty"));

        assertThat(LabValidator.validate(labs.resolve("labs/empty")).problems()).extracting(LabProblem::toString)
                .containsExactly("labs/empty/lab.yaml:1:1: no lab.yaml in the lab's folder");
    }
}
