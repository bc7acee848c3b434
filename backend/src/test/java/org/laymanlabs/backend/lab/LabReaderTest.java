package org.laymanlabs.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabReaderTest {

    private static final String SOURCE = "labs/web/lab.yaml";

    private static Lab read(String yaml) throws LabLoadException {
        return LabReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), SOURCE, "web");
    }

    @Test
    void readsTheMetadataOfAWellFormedLab() throws LabLoadException {
        Lab lab = read("""
                apiVersion: laymanlabs.org/v1alpha1
                kind: Lab
                metadata:
                  id: web
                  title: "  A web server  "
                  summary: Serve a page.
                  level: intermediate
                  minutes: 12
                  concepts: [service, selector]
                steps: []
                """);

        assertThat(lab).isEqualTo(new Lab("web", "A web server", "Serve a page.", Level.INTERMEDIATE, 12,
                List.of("service", "selector")));
    }

    @Test
    void aValueOfTheWrongTypeIsReportedAtItsLineAndColumn() {
        assertThatThrownBy(() -> read("""
                apiVersion: laymanlabs.org/v1alpha1
                kind: Lab
                metadata:
                  id: web
                  minutes: ten
                """))
                .isInstanceOf(LabLoadException.class)
                .hasMessageStartingWith("labs/web/lab.yaml:5:12: ")
                .hasMessageContaining("ten");
    }

    @Test
    void anUnknownLevelIsReportedAtItsLine() {
        assertThatThrownBy(() -> read("""
                apiVersion: laymanlabs.org/v1alpha1
                kind: Lab
                metadata:
                  level: expert
                """))
                .hasMessageStartingWith("labs/web/lab.yaml:4:")
                .hasMessageContaining("expert");
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> read("""
                apiVersion: laymanlabs.org/v1alpha1
                kind: Lab
                metadata:
                  id: other
                """))
                .hasMessage("labs/web/lab.yaml: metadata.id must equal the folder name 'web', was other; "
                        + "metadata.title is required; metadata.summary is required; "
                        + "metadata.level is required: beginner, intermediate or advanced; "
                        + "metadata.minutes must be a whole number of minutes, at least 1");
    }

    @Test
    void theWrongKindIsRejected() {
        assertThatThrownBy(() -> read("apiVersion: v1\nkind: Pod\nmetadata: {}\n"))
                .hasMessageContaining("apiVersion must be laymanlabs.org/v1alpha1, was v1")
                .hasMessageContaining("kind must be Lab, was Pod");
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThatThrownBy(() -> read("")).hasMessage("labs/web/lab.yaml: the file is empty");
    }
}
