package org.laymanlabs.backend.lab;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.storage.LaymanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The labs this installation offers: the ones built into the app, or those of
 * {@code layman.labs-dir} when an operator sets it. A lab.yaml that cannot be read is left out,
 * and the reason (file, line, column) is logged and kept for the instructor pages.
 */
@Service
public class LabCatalog {

    private static final Logger log = LoggerFactory.getLogger(LabCatalog.class);
    private static final Comparator<Lab> CATALOG_ORDER = Comparator.comparing(Lab::id);

    private final List<Lab> labs;
    private final List<String> problems;

    @Autowired
    public LabCatalog(LaymanProperties properties) throws IOException {
        String pattern = properties.labsFolder()
                .map(dir -> "file:" + dir.toAbsolutePath().normalize() + "/*/lab.yaml")
                .orElse("classpath*:labs/*/lab.yaml");
        List<Lab> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            load(resource, found, errors);
        }
        found.sort(CATALOG_ORDER);
        this.labs = List.copyOf(found);
        this.problems = List.copyOf(errors);
        log.info("Lab catalog: {} lab(s) from {}", labs.size(), pattern);
    }

    /** For tests and tools that already hold the labs. */
    public LabCatalog(List<Lab> labs) {
        this.labs = labs.stream().sorted(CATALOG_ORDER).toList();
        this.problems = List.of();
    }

    private static void load(Resource resource, List<Lab> found, List<String> errors) throws IOException {
        String folder = folderOf(resource);
        String source = "labs/" + folder + "/lab.yaml";
        try (InputStream in = resource.getInputStream()) {
            found.add(LabReader.read(in, source, folder));
        } catch (LabLoadException e) {
            log.error("Lab left out of the catalog: {}", e.getMessage());
            errors.add(e.getMessage());
        }
    }

    private static String folderOf(Resource resource) throws IOException {
        String path = resource.getURI().toString();
        String withoutFile = path.substring(0, path.lastIndexOf('/'));
        return withoutFile.substring(withoutFile.lastIndexOf('/') + 1);
    }

    /** The labs in catalog order. */
    public List<Lab> labs() {
        return labs;
    }

    public Optional<Lab> find(String id) {
        return labs.stream().filter(lab -> lab.id().equals(id)).findFirst();
    }

    /** Why each left-out lab was left out, one line per file. */
    public List<String> problems() {
        return problems;
    }
}
