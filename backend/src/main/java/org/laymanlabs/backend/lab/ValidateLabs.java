package org.laymanlabs.backend.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lab validator from the command line, for instructors and CI (docs/lab-format.md):
 * {@code ValidateLabs labs/} checks every lab folder under labs/, {@code ValidateLabs labs/web}
 * one lab; two labs with the same {@code metadata.order} are a problem too. Each problem is printed as {@code file:line:column: message}, as compilers print
 * errors, so that editors link them. Exits 0 when every lab is valid, 1 when any is not, 2 on bad usage.
 */
public final class ValidateLabs {

    private ValidateLabs() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: ValidateLabs LABS_FOLDER|LAB_FOLDER...");
            return 2;
        }
        int invalid = 0;
        List<LabValidator.Outcome> outcomes = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (!Files.isDirectory(path)) {
                err.println(arg + ": no such folder");
                return 2;
            }
            for (Path lab : labsIn(path)) {
                LabValidator.Outcome outcome = LabValidator.validate(lab);
                outcomes.add(outcome);
                if (outcome.valid()) {
                    LabDefinition definition = outcome.definition().orElseThrow();
                    out.println(outcome.file() + ": ok (" + definition.steps().size() + " steps, "
                            + definition.steps().stream().mapToInt(s -> s.checks().size()).sum() + " checks)");
                } else {
                    invalid++;
                    outcome.problems().forEach(err::println);
                }
            }
        }
        List<LabProblem> clashes = LabValidator.duplicateOrders(outcomes);
        clashes.forEach(err::println);
        return invalid == 0 && clashes.isEmpty() ? 0 : 1;
    }

    /** The folder itself if it holds a lab.yaml, else every folder directly inside it. */
    private static List<Path> labsIn(Path folder) {
        if (Files.isRegularFile(folder.resolve(LabValidator.FILE))) {
            return List.of(folder);
        }
        try (Stream<Path> children = Files.list(folder)) {
            return new ArrayList<>(children.filter(Files::isDirectory).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }
}
