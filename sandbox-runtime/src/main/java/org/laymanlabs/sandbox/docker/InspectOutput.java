package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * What an {@code inspect} subcommand prints once its objects are looked up. Mirrors docker/cli
 * cli/command/inspect/inspector.go, Inspect: the found objects as one indented JSON array
 * ({@code []} when none was found) or one template result per line, then every lookup error on
 * stderr, status 1 if there was any.
 */
final class InspectOutput {

    private InspectOutput() {
    }

    static CommandResult render(String format, List<JsonValue> found, List<String> errors) {
        String out;
        try {
            out = format.isEmpty() || format.equals(Formatter.JSON)
                    ? JsonWriter.indented(new JsonValue.Arr(found), "    ") + "\n" : templated(format, found);
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
        for (JsonValue object : found) {
            out.append(Formatter.execute(parsed, template, object, null, false)).append('\n');
        }
        return out.toString();
    }

    /** The {@code -f, --format} flag of the inspect subcommands (docker/cli flags.go, InspectFormatHelp). */
    static Flag formatFlag() {
        return Flag.string("format", 'f', "Format output using a custom template:\n"
                + "'json':             Print in JSON format\n"
                + "'TEMPLATE':         Print output using the given Go template.\n"
                + "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates");
    }
}
