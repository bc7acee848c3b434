package org.laymanlabs.frontend.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.storage.LaymanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Reads a lesson from the lab's folder as its lab.yaml lists it: each step's {@code text} file, in
 * the order of {@code steps}, whatever the files are called or wherever they sit in the folder.
 * The same folders as the catalog: built in, or {@code layman.labs-dir}.
 */
@Service
class LabFolderLessons implements Lessons {

    private static final Logger log = LoggerFactory.getLogger(LabFolderLessons.class);
    private static final YAMLMapper YAML = new YAMLMapper();

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    private final String root;

    LabFolderLessons(LaymanProperties properties) {
        this.root = properties.labsFolder()
                .map(dir -> "file:" + dir.toAbsolutePath().normalize() + "/")
                .orElse("classpath:labs/");
    }

    @Override
    public List<Step> steps(String labId) {
        if (!safe(labId)) {
            return List.of();
        }
        try {
            Optional<String> labYaml = read(labId, "lab.yaml");
            if (labYaml.isEmpty()) {
                return List.of();
            }
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : YAML.readTree(labYaml.get()).path("steps")) {
                String file = step.path("text").asText();
                Optional<String> markdown = safePath(file) ? read(labId, file) : Optional.empty();
                if (markdown.isEmpty()) {
                    log.warn("Lab {}: step {} has no lesson file '{}'", labId, step.path("id").asText(), file);
                    continue;
                }
                steps.add(new Step(step.path("id").asText(), step.path("title").asText(), markdown.get(), file));
            }
            return steps;
        } catch (IOException e) {
            log.warn("Lab {}: its lab.yaml could not be read", labId, e);
            return List.of();
        }
    }

    @Override
    public Optional<byte[]> file(String labId, String path) {
        if (!safe(labId) || !safePath(path)) {
            return Optional.empty();
        }
        Resource resource = resolver.getResource(root + labId + "/" + path);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> read(String labId, String path) {
        return file(labId, path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static boolean safe(String labId) {
        return labId.matches("[a-z0-9][a-z0-9-]*");
    }

    private static boolean safePath(String path) {
        return !path.isEmpty() && !path.startsWith("/") && !path.contains(":") && !List.of(path.split("/")).contains("..");
    }
}
