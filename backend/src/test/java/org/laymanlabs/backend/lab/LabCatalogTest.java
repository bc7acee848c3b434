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
            assertThat(lab.steps()).extracting(Step::id).containsExactly("pull", "run", "many", "stop", "kernel");
            assertThat(lab.steps().get(0).text()).startsWith("# Fetch a recipe");
        });
        assertThat(catalog.problems()).isEmpty();
    }

    @Test
    void anOperatorsFolderReplacesTheBuiltInLabsAndBrokenOnesAreLeftOutWithAReason(@TempDir Path labs)
            throws IOException {
        writeLab(labs, "zeta", 1);
        writeLab(labs, "alpha", 2);
        Files.createDirectories(labs.resolve("broken"));
        Files.writeString(labs.resolve("broken/lab.yaml"), "metadata: [unclosed\n");

        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, labs));

        assertThat(catalog.labs()).extracting(Lab::id).containsExactly("zeta", "alpha");
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
        writeLab(labs, "alpha", 1);
        writeLab(labs, "beta", 2);
        Files.delete(labs.resolve("beta/steps/one.md"));

        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, labs));

        assertThat(catalog.labs()).extracting(Lab::id).containsExactly("alpha");
        assertThat(catalog.problems()).containsExactly(
                "labs/beta/lab.yaml:13:11: steps[0].text: no file 'steps/one.md' in the lab's folder labs/beta/");
    }

    @Test
    void theBuiltInLabsAreListedInCurriculumOrder() throws IOException {
        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, null));

        assertThat(catalog.labs()).extracting(Lab::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(catalog.labs()).extracting(Lab::id).startsWith("images-and-containers", "layers-and-dockerfile")
                .endsWith("troubleshooting");
    }

    @Test
    void twoLabsInOnePlaceAreBothServedAndTheSecondIsReportedAtItsOrderLine(@TempDir Path labs) throws IOException {
        writeLab(labs, "alpha", 1);
        writeLab(labs, "beta", 1);

        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, labs));

        assertThat(catalog.labs()).extracting(Lab::id).containsExactly("alpha", "beta");
        assertThat(catalog.problems()).containsExactly("labs/beta/lab.yaml:9:10: metadata.order: another lab already "
                + "has the order 1 (labs/alpha/lab.yaml); each lab needs its own place in the curriculum");
    }

    private static void writeLab(Path labs, String id, int order) throws IOException {
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
                  order: %d
                steps:
                  - id: one
                    title: One
                    text: steps/one.md
                    checks:
                      - {kind: image, name: busybox is here, image: busybox}
                    solution:
                      run: [docker pull busybox]
                """.formatted(id, id.toUpperCase(), order));
    }
}
