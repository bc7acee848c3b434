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
        assertThat(catalog.problems()).singleElement().asString().startsWith("labs/broken/lab.yaml:");
    }

    @Test
    void anEmptyLabsSettingMeansTheBuiltInLabs() throws IOException {
        LabCatalog catalog = new LabCatalog(new LaymanProperties(dataDir, Path.of("")));

        assertThat(catalog.find("images-and-containers")).isPresent();
    }

    private static void writeLab(Path labs, String id, String title) throws IOException {
        Files.createDirectories(labs.resolve(id));
        Files.writeString(labs.resolve(id).resolve("lab.yaml"), """
                apiVersion: laymanlabs.org/v1alpha1
                kind: Lab
                metadata:
                  id: %s
                  title: %s
                  summary: A lab.
                  level: beginner
                  minutes: 5
                """.formatted(id, title));
    }
}
