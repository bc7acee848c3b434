package org.laymanlabs.backend.grading;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.image.Image;

/**
 * Container: one container of the learner's Docker engine by name, or the containers started
 * from one image (at least {@code atLeast} of them matching), in a given state, publishing a
 * host port, or exited with a given code, as {@code docker ps -a} and {@code docker inspect} show.
 */
public record ContainerCheck(String name, Optional<String> container, Optional<String> image,
                             Optional<ContainerStatus> state, OptionalInt publishes, OptionalInt exitCode, int atLeast)
        implements Check {

    @Override
    public CheckResult evaluate(Sandbox sandbox) {
        List<Container> candidates;
        if (container.isPresent()) {
            Optional<Container> named = sandbox.containers().containers().find(container.get());
            if (named.isEmpty()) {
                return CheckResult.fail(name, expected(), "no container named " + container.get());
            }
            candidates = List.of(named.get());
        } else {
            Optional<Image> from = ImageCheck.find(sandbox, image.orElseThrow());
            candidates = from.map(i -> sandbox.containers().containers().all().stream()
                    .filter(c -> c.image().id().equals(i.id())).toList()).orElse(List.of());
        }
        long matching = candidates.stream().filter(this::matches).count();
        if (matching >= atLeast) {
            return CheckResult.pass(name, "Found " + found(candidates) + ", as expected.");
        }
        return CheckResult.fail(name, expected(), candidates.isEmpty() ? "no container from image " + image.orElse("")
                : found(candidates));
    }

    private boolean matches(Container c) {
        return state.map(s -> c.state().status() == s).orElse(true)
                && (publishes.isEmpty() || c.publishedPorts().stream().anyMatch(p -> p.hostPort() == publishes.getAsInt()))
                && (exitCode.isEmpty() || c.state().status() == ContainerStatus.EXITED
                        && c.state().exitCode() == exitCode.getAsInt());
    }

    private String expected() {
        String who = container.map(n -> "container " + n).orElseGet(() -> (atLeast == 1 ? "a container" : atLeast
                + " containers") + " from image " + image.orElseThrow());
        StringBuilder what = new StringBuilder(who);
        state.ifPresent(s -> what.append(" ").append(word(s)));
        publishes.ifPresent(p -> what.append(" publishing port ").append(p));
        exitCode.ifPresent(code -> what.append(state.isPresent() ? " with exit code " : " exited with code ").append(code));
        return what.toString();
    }

    private static String found(List<Container> containers) {
        return String.join(", ", containers.stream().map(c -> "container " + c.name() + " " + word(c.state().status())
                + (c.state().status() == ContainerStatus.EXITED ? " (" + c.state().exitCode() + ")" : "")
                + published(c)).toList());
    }

    private static String published(Container c) {
        List<String> ports = c.publishedPorts().stream().map(p -> String.valueOf(p.hostPort())).distinct().toList();
        return ports.isEmpty() ? "" : (ports.size() == 1 ? " publishing port " : " publishing ports ") + String.join(", ", ports);
    }

    private static String word(ContainerStatus status) {
        return status.name().toLowerCase();
    }
}
