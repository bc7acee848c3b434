package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.ImageInspect;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * {@code docker inspect} and {@code docker container inspect}. Mirrors docker/cli
 * cli/command/system/inspect.go: a name is looked up as a container, then as an image (or only
 * as the {@code --type} says); {@code -f} runs a Go template per object.
 */
final class InspectCommand {

    private InspectCommand() {
    }

    static Subcommand create(Daemon daemon, ContainerEngine engine, boolean containersOnly) {
        return new Subcommand((containersOnly ? "inspect [OPTIONS] CONTAINER [CONTAINER...]"
                : "inspect [OPTIONS] NAME|ID [NAME|ID...]"), containersOnly
                ? "Display detailed information on one or more containers"
                : "Return low-level information on Docker objects", List.of(), "",
                List.of(Flag.string("format", 'f', "Format output using a custom template:\n"
                                + "'json':             Print in JSON format\n"
                                + "'TEMPLATE':         Print output using the given Go template.\n"
                                + "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"),
                        containersOnly ? Flag.bool("size", 's', "Display total file sizes")
                                : Flag.bool("size", 's', "Display total file sizes if the type is container"),
                        Flag.string("type", '\0', "Only inspect objects of the given type")).subList(0, containersOnly ? 2 : 3),
                ArgsRule.atLeast(1), 0, args -> run(daemon, engine, args, containersOnly ? "container" : args.string("type")));
    }

    private static CommandResult run(Daemon daemon, ContainerEngine engine, ParsedArgs args, String type) {
        List<JsonValue> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean size = args.bool("size");
        for (String name : args.args()) {
            Optional<Found> object = lookup(daemon, engine, name, type, size);
            if (object.isPresent()) {
                found.add(object.get().json());
                if (size && !object.get().type().equals("container")) {
                    warnings.add("WARNING: --size ignored for " + object.get().type());
                }
            } else {
                errors.add(type.equals("container") ? "Error response from daemon: No such container: " + name
                        : "Error: No such object: " + name);
            }
        }
        String format = args.string("format");
        boolean indented = format.isEmpty() || format.equals(Formatter.JSON);
        String out;
        try {
            out = indented ? JsonWriter.indented(new JsonValue.Arr(found), "    ") + "\n" : templated(format, found);
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
        List<String> stderr = new ArrayList<>(warnings);
        stderr.addAll(errors);
        String err = stderr.isEmpty() ? "" : String.join("\n", stderr) + "\n";
        if (found.isEmpty()) {
            // docker/cli inspector.go Flush: an empty array, or with a template one empty line.
            out = indented ? "[]\n" : "\n";
        }
        return new CommandResult(out, err, errors.isEmpty() ? 0 : 1);
    }

    /** An object found by name, and its type as {@code --type} spells it. */
    private record Found(JsonValue json, String type) {
    }

    private static Optional<Found> lookup(Daemon daemon, ContainerEngine engine, String name, String type,
                                              boolean size) {
        if (!type.equals("image")) {
            Optional<Container> container = engine.containers().find(name);
            if (container.isPresent()) {
                return Optional.of(new Found(ContainerInspect.of(container.get(), engine.networks(), size), "container"));
            }
        }
        if (!type.equals("container")) {
            try {
                return Optional.of(new Found(ImageInspect.of(daemon.images().resolve(name), daemon.images()), "image"));
            } catch (DaemonException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String templated(String format, List<JsonValue> found) throws TemplateException {
        String template = format.replace("\\t", "\t").replace("\\n", "\n");
        GoTemplate parsed = Formatter.parse(template);
        StringBuilder out = new StringBuilder();
        for (JsonValue object : found) {
            out.append(Formatter.execute(parsed, template, object, null, false)).append('\n');
        }
        return out.toString();
    }
}
