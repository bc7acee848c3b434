package org.laymanlabs.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManifestCheckTest {

    @Test
    void aValidDeploymentHasNoProblems() {
        assertThat(ManifestCheck.check("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: nginx
                        image: nginx
                """)).isEmpty();
    }

    @Test
    void anUnknownFieldIsMarkedOnItsOwnLine() {
        assertThat(ManifestCheck.check("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: hello
                spec:
                  hostnam: web
                """)).containsExactly(new ManifestProblem(6, "unknown field \"spec.hostnam\""));
    }

    @Test
    void aValidationErrorIsMarkedOnTheFieldItNamesInTheRightDocument() {
        assertThat(ManifestCheck.check("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ok
                spec:
                  containers:
                  - name: a
                    image: nginx
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: Not_Valid
                spec:
                  containers:
                  - name: a
                    image: nginx
                """)).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(13);
                    assertThat(p.message()).startsWith("metadata.name: Invalid value: \"Not_Valid\"");
                });
    }

    @Test
    void missingKindAndYamlSyntaxErrorsSayWhatKubectlSays() {
        assertThat(ManifestCheck.check("apiVersion: v1\nmetadata:\n  name: x\n"))
                .containsExactly(new ManifestProblem(1, "error validating data: kind not set"));
        assertThat(ManifestCheck.check("kind: Pod\n  bad: [\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("error converting YAML to JSON"));
    }
}
