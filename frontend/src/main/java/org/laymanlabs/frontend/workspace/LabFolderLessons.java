package org.laymanlabs.frontend.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.storage.LaymanProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Reads a lesson from the lab's folder, where labs/README.md puts it: the Markdown files of
 * {@code labs/<id>/steps/}, in file-name order ({@code 01-pull.md}, {@code 02-run.md}), each
 * titled by its first heading. The same folders as the catalog: built in, or {@code layman.labs-dir}.
 */
@Service
class LabFolderLessons implements Lessons {

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
            Resource[] files = resolver.getResources(root.replace("classpath:", "classpath*:") + labId + "/steps/*.md");
            return Arrays.stream(files)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(LabFolderLessons::step)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Optional<byte[]> file(String labId, String path) {
        if (!safe(labId) || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
            return Optional.empty();
        }
        Resource resource = resolver.getResource(root + labId + "/steps/" + path);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean safe(String labId) {
        return labId.matches("[a-z0-9][a-z0-9-]*");
    }

    private static Step step(Resource file) {
        try (InputStream in = file.getInputStream()) {
            String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst()
                    .map(l -> l.substring(2).strip()).orElse(file.getFilename());
            return new Step(title, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
