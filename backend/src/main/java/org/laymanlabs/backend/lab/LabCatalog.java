package org.laymanlabs.backend.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.laymanlabs.backend.storage.LaymanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The labs this installation offers: the ones built into the app, or those of
 * {@code layman.labs-dir} when an operator sets it. Each lab is validated as it loads
 * ({@link LabValidator}); an invalid one is left out, its problems (file, line, column) are
 * logged and kept for the instructor pages, and every valid lab is still served.
 */
@Service
public class LabCatalog {

    private static final Logger log = LoggerFactory.getLogger(LabCatalog.class);
    /** Curriculum order (metadata.order); the id only breaks a tie that the validator already reported. */
    private static final Comparator<Lab> CATALOG_ORDER = Comparator.comparingInt(Lab::order).thenComparing(Lab::id);

    private final List<Lab> labs;
    private final Map<String, LabDefinition> definitions;
    private final List<String> problems;
    private final Map<String, LabFolder> folders;

    @Autowired
    public LabCatalog(LaymanProperties properties) throws IOException {
        String pattern = properties.labsFolder()
                .map(dir -> "file:" + dir.toAbsolutePath().normalize() + "/*/lab.yaml")
                .orElse("classpath*:labs/*/lab.yaml");
        Map<String, LabDefinition> found = new TreeMap<>();
        Map<String, LabFolder> read = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        List<LabValidator.Outcome> outcomes = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            LabFolder folder = LabFolder.of(resource, folderOf(resource));
            read.put(folder.name(), folder);
            LabValidator.Outcome outcome = LabValidator.validate(folder);
            outcomes.add(outcome);
            outcome.definition().ifPresent(lab -> found.put(lab.lab().id(), lab));
            for (LabProblem problem : outcome.problems()) {
                log.error("Lab left out of the catalog: {}", problem);
                errors.add(problem.toString());
            }
        }
        // Two labs in one place are both served (by id), but the instructor pages show the clash.
        for (LabProblem problem : LabValidator.duplicateOrders(outcomes)) {
            log.error("Lab catalog order: {}", problem);
            errors.add(problem.toString());
        }
        this.definitions = Map.copyOf(found);
        this.labs = found.values().stream().map(LabDefinition::lab).sorted(CATALOG_ORDER).toList();
        this.problems = List.copyOf(errors);
        this.folders = Map.copyOf(read);
        log.info("Lab catalog: {} lab(s) from {}", labs.size(), pattern);
    }

    /** For tests and tools that already hold the labs. */
    public LabCatalog(List<Lab> labs) {
        this.labs = labs.stream().sorted(CATALOG_ORDER).toList();
        this.definitions = Map.of();
        this.problems = List.of();
        this.folders = Map.of();
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

    /** The whole lab (sandbox, steps, checks) for a session to start and grade. */
    public Optional<LabDefinition> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** The ids of every lab folder found, valid or not: what an instructor can open in the lab editor. */
    public List<String> folders() {
        return List.copyOf(new java.util.TreeSet<>(folders.keySet()));
    }

    /** A lab's lab.yaml as it is on disk or in the app, for the lab editor. */
    public Optional<String> source(String id) {
        LabFolder folder = folders.get(id);
        if (folder == null) {
            return Optional.empty();
        }
        try {
            return folder.read(LabValidator.FILE);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Validates an edited lab.yaml that is not saved, against the lab's other files (its steps'
     * Markdown, starter files): the lab editor's live check.
     */
    public LabValidator.Outcome validateDraft(String id, String labYaml) {
        LabFolder saved = folders.get(id);
        LabFolder draft = new LabFolder() {
            @Override
            public String name() {
                return id;
            }

            @Override
            public Optional<String> read(String relativePath) throws IOException {
                if (LabValidator.FILE.equals(relativePath)) {
                    return Optional.of(labYaml);
                }
                return saved == null ? Optional.empty() : saved.read(relativePath);
            }
        };
        return LabValidator.validate(draft);
    }

    /** Why each left-out lab was left out, one problem per line, as {@code file:line:column: message}. */
    public List<String> problems() {
        return problems;
    }
}
