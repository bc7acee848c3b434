package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.coreutils.UnameCommand;
import org.laymanlabs.sandbox.image.json.JsonValue;

/**
 * {@code docker version}. Mirrors docker/cli cli/command/system/version.go: the client this
 * machine has (28.2.2, as `docker version` prints it here) and the sandbox's engine, with its
 * containerd, runc and docker-init; {@code -f} runs a Go template over the same fields.
 */
public final class VersionCommand {

    public static final String ENGINE_VERSION = "28.2.2";
    public static final String API_VERSION = "1.50";
    public static final String MIN_API_VERSION = "1.24";
    private static final String BUILT = "Fri May 30 12:07:14 2025";

    private static final String TEXT = """
            Client:
             Version:           28.2.2
             API version:       1.50
             Go version:        go1.24.3
             Git commit:        e6534b4
             Built:             Fri May 30 12:07:14 2025
             OS/Arch:           linux/amd64
             Context:           default

            Server: Docker Engine - Community
             Engine:
              Version:          28.2.2
              API version:      1.50 (minimum version 1.24)
              Go version:       go1.24.3
              Git commit:       45873be
              Built:            Fri May 30 12:07:14 2025
              OS/Arch:          linux/amd64
              Experimental:     false
             containerd:
              Version:          1.7.27
              GitCommit:        05044ec0a9a75232cad458027ca83437aff3c4da
             runc:
              Version:          1.2.5
              GitCommit:        v1.2.5-0-g59923ef
             docker-init:
              Version:          0.19.0
              GitCommit:        de40ad0
            """;

    private VersionCommand() {
    }

    static Subcommand create() {
        return new Subcommand("version [OPTIONS]", "Show the Docker version information", List.of(), "",
                List.of(Flag.string("format", 'f', "Format output using a custom template:\n"
                        + "'json':             Print in JSON format\n"
                        + "'TEMPLATE':         Print output using the given Go template.\n"
                        + "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates")),
                ArgsRule.none(), 0, VersionCommand::run);
    }

    private static CommandResult run(ParsedArgs args) {
        String format = args.string("format");
        if (format.isEmpty()) {
            return CommandResult.ok(TEXT);
        }
        try {
            String template = format.replace("\\t", "\t").replace("\\n", "\n");
            return CommandResult.ok(Formatter.execute(Formatter.parse(template), template, versions(), null, false) + "\n");
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
    }

    /** The fields a template sees, by their Go names (clientVersion and types.Version). */
    private static JsonValue versions() {
        JsonValue.Obj client = JsonValue.Obj.struct().put("Platform", JsonValue.Obj.struct().put("Name", "").build())
                .put("Version", ENGINE_VERSION).put("APIVersion", API_VERSION).put("DefaultAPIVersion", API_VERSION)
                .put("GitCommit", "e6534b4").put("GoVersion", "go1.24.3").put("Os", "linux").put("Arch", "amd64")
                .put("BuildTime", BUILT).put("Context", "default").build();
        JsonValue.Obj server = JsonValue.Obj.struct()
                .put("Platform", JsonValue.Obj.struct().put("Name", "Docker Engine - Community").build())
                .put("Version", ENGINE_VERSION).put("APIVersion", API_VERSION).put("MinAPIVersion", MIN_API_VERSION)
                .put("GitCommit", "45873be").put("GoVersion", "go1.24.3").put("Os", "linux").put("Arch", "amd64")
                .put("KernelVersion", UnameCommand.Kernel.LEARNER_MACHINE.release()).put("BuildTime", "2025-05-30T12:07:14.000000000+00:00").build();
        return JsonValue.Obj.struct().put("Client", client).put("Server", server).build();
    }
}
