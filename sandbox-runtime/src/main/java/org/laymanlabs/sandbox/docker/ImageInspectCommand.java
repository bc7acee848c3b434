package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.ImageInspect;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * {@code docker image inspect}. Mirrors docker/cli cli/command/image/inspect.go and
 * cli/command/inspect/inspector.go: a JSON array indented by four spaces, or {@code --format}
 * run once per image; images not found are reported after the others.
 */
final class ImageInspectCommand {

    private ImageInspectCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("inspect [OPTIONS] IMAGE [IMAGE...]", "Display detailed information on one or more images",
                List.of(), "", List.of(Flag.string("format", 'f', "Format output using a custom template:\n"
                                + "'json':             Print in JSON format\n"
                                + "'TEMPLATE':         Print output using the given Go template.\n"
                                + "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates"),
                        Flag.string("platform", '\0', "Inspect a specific platform of the multi-platform image.\n"
                                + "If the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n"
                                + "'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)")),
                ArgsRule.atLeast(1), 0, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        List<JsonValue> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : args.args()) {
            try {
                found.add(ImageInspect.of(daemon.images().resolve(name), daemon.images()));
            } catch (DaemonException e) {
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        String format = args.string("format");
        String out;
        try {
            out = format.isEmpty() || format.equals(Formatter.JSON)
                    ? JsonWriter.indented(new JsonValue.Arr(found), "    ") + "\n"
                    : templated(format, found);
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
        String err = errors.isEmpty() ? "" : String.join("\n", errors) + "\n";
        return new CommandResult(out, err, errors.isEmpty() ? 0 : 1);
    }

    private static String templated(String format, List<JsonValue> found) throws TemplateException {
        String template = format.replace("\\t", "\t").replace("\\n", "\n");
        GoTemplate parsed = Formatter.parse(template);
        StringBuilder out = new StringBuilder();
        for (JsonValue image : found) {
            out.append(Formatter.execute(parsed, template, image, null, false)).append('\n');
        }
        return out.toString();
    }
}
