package org.laymanlabs.backend.grading;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.catalog.Catalog;

/**
 * Image: an image in the learner's Docker engine, by reference (so a tag is checked by naming
 * it): that it exists (or is gone), how many layers it has, and which image it was built on (its
 * layers start with all of the base's layers, which is what FROM means).
 */
public record ImageCheck(String name, String image, boolean exists, OptionalInt layers, Optional<String> base)
        implements Check {

    @Override
    public CheckResult evaluate(Sandbox sandbox) {
        Optional<Image> found = find(sandbox, image);
        if (!exists) {
            return found.isEmpty() ? CheckResult.pass(name, "No image " + image + " is left, as expected.")
                    : CheckResult.fail(name, "no image " + image, "image " + image + " (" + found.get().id().toString()
                            .substring(0, 19) + ")");
        }
        if (found.isEmpty()) {
            return CheckResult.fail(name, expected(), "no image " + image + " (docker images does not list it)");
        }
        Image it = found.get();
        int count = it.layers().size();
        if (layers.isPresent() && count != layers.getAsInt()) {
            return CheckResult.fail(name, expected(), "image " + image + " with " + count + " " + layers(count));
        }
        if (base.isPresent()) {
            Optional<Image> from = find(sandbox, base.get()).or(() -> Catalog.shared().image(base.get()));
            if (from.isEmpty() || !startsWith(it.diffIds(), from.get().diffIds())) {
                return CheckResult.fail(name, expected(), "image " + image + ", whose layers do not start with those of "
                        + base.get());
            }
        }
        return CheckResult.pass(name, "Found image " + image + " with " + count + " " + layers(count)
                + base.map(b -> ", built on " + b).orElse("") + ".");
    }

    private String expected() {
        return "image " + image + layers.stream().mapToObj(n -> " with " + n + " " + layers(n)).findFirst().orElse("")
                + base.map(b -> " built on " + b).orElse("");
    }

    private static String layers(int n) {
        return n == 1 ? "layer" : "layers";
    }

    private static boolean startsWith(List<Digest> layers, List<Digest> prefix) {
        return layers.size() >= prefix.size() && layers.subList(0, prefix.size()).equals(prefix);
    }

    static Optional<Image> find(Sandbox sandbox, String reference) {
        try {
            return Optional.of(sandbox.containers().images().resolve(reference));
        } catch (DaemonException e) {
            return Optional.empty();
        }
    }
}
