package org.laymanlabs.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.laymanlabs.backend.storage.LaymanProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCatalogTest {

    @TempDir
    Path dataDir;

    @Test
    void servesTheLabsBuiltIntoTheApp() throws IOException {
        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, null));

        assertThat(catalog.find("images-and-containers"))
                .hasValueSatisfying(lab -> assertThat(lab.title()).isEqualTo("Images and containers"));
        assertThat(catalog.definition("images-and-containers")).hasValueSatisfying(lab -> {
            assertThat(lab.steps()).extracting(Step::id).containsExactly("pull", "run", "many", "stop");
            assertThat(lab.steps().get(0).text()).startsWith("# Fetch a recipe");
        });
        assertThat(catalog.problems()).isEmpty();
    }

    @Test
    void anOperatorsFolderReplacesTheBuiltInLabsAndBrokenOnesAreLeftOutWithAReason(@TempDir Path labs)
            throws IOException {
        writeLab(labs, "zeta", "Zeta");
        writeLab(labs, "alpha", "Alpha");
        Files.createDirectories(labs.resolve("broken"));
        Files.writeString(labs.resolve("broken/lab.yaml"), "metadata: [unclosed\n");

        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, labs));

        assertThat(catalog.labs()).extracting(Lab::id).containsExactly("alpha", "zeta");
        assertThat(catalog.definition("alpha")).hasValueSatisfying(lab -> assertThat(lab.steps()).hasSize(1));
        assertThat(catalog.find("broken")).isEmpty();
        assertThat(catalog.problems()).containsExactly(
                "labs/broken/lab.yaml:2:1: YAML syntax: expected ',' or ']', but got <stream end> "
                        + "(while parsing a flow sequence)");
    }

    @Test
    void anEmptyLabsSettingMeansTheBuiltInLabs() throws IOException {
        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, Path.of("")));

        assertThat(catalog.find("images-and-containers")).isPresent();
    }

    @Test
    void aLabWithAMissingStepFileIsLeftOutAndTheOthersAreStillServed(@TempDir Path labs) throws IOException {
        writeLab(labs, "alpha", "Alpha");
        writeLab(labs, "beta", "Beta");
        Files.delete(labs.resolve("beta/steps/one.md"));

        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, labs));

        assertThat(catalog.labs()).extracting(Lab::id).containsExactly("alpha");
        assertThat(catalog.problems()).containsExactly(
                "labs/beta/lab.yaml:12:11: steps[0].text: no file 'steps/one.md' in the lab's folder labs/beta/");
    }

    private static void writeLab(Path labs, String id, String title) throws IOException {
        Files.createDirectories(labs.resolve(id).resolve("steps"));
        Files.writeString(labs.resolve(id).resolve("steps/one.md"), "# One\n");
        Files.writeString(labs.resolve(id).resolve("lab.yaml"), """
                apiVersion: laymanlabs.org/v1alpha1
                kind: Lab
                metadata:
                  id: %s
                  title: %s
                  summary: A lab.
                  level: beginner
                  minutes: 5
                steps:
                  - id: one
                    title: One
                    text: steps/one.md
                    checks:
                      - {kind: image, name: busybox is here, image: busybox}
                    solution:
                      run: [docker pull busybox]
                """.formatted(id, title));
    }
}
