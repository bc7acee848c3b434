package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.Volume;
import org.laymanlabs.sandbox.container.network.DockerNetwork;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * {@code docker network ls/rm} and {@code docker volume ls/create/rm/inspect}; the other network
 * verbs are in {@link NetworkCommands}. Mirrors docker/cli
 * cli/command/network and cli/command/volume with formatter/network.go and volume.go: Docker 28's
 * columns (NETWORK ID, NAME, DRIVER, SCOPE; DRIVER, VOLUME NAME) and messages.
 */
final class NetworkVolumeCommands {

    private static final String NETWORK_FORMAT = "table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}";
    private static final Obj NETWORK_HEADER = Obj.map().put("ID", "NETWORK ID").put("Name", "NAME")
            .put("Driver", "DRIVER").put("Scope", "SCOPE").build();
    private static final String VOLUME_FORMAT = "table {{.Driver}}\\t{{.Name}}";
    private static final Obj VOLUME_HEADER = Obj.map().put("Driver", "DRIVER").put("Name", "VOLUME NAME")
            .put("Mountpoint", "MOUNTPOINT").build();

    private NetworkVolumeCommands() {
    }

    static void register(CommandTree.Builder tree, ContainerEngine engine) {
        tree.group("network", "Manage networks")
                .command("network", new Subcommand("ls [OPTIONS]", "List networks", List.of("list"), "docker network ls,"
                        + " docker network list", List.of(Flag.valued("filter", 'f', "filter",
                        "Provide filter values (e.g. \"driver=bridge\")"),
                        Flag.format(), Flag.bool("no-trunc", '\0', "Do not truncate the output"),
                        Flag.bool("quiet", 'q', "Only display network IDs")), ArgsRule.none(), 0,
                        args -> networks(engine, args)))
                .command("network", new Subcommand("rm NETWORK [NETWORK...]", "Remove one or more networks",
                        List.of("remove"), "docker network rm, docker network remove",
                        List.of(Flag.bool("force", 'f', "Do not error if the network does not exist")),
                        ArgsRule.atLeast(1), 0, args -> removeNetworks(engine, args)));
        NetworkCommands.register(tree, engine);
        tree.group("volume", "Manage volumes")
                .command("volume", new Subcommand("ls [OPTIONS]", "List volumes", List.of("list"), "docker volume ls,"
                        + " docker volume list", List.of(Flag.valued("filter", 'f', "filter",
                        "Provide filter values (e.g. \"dangling=true\")"),
                        Flag.format(), Flag.bool("quiet", 'q', "Only display volume names")), ArgsRule.none(), 0,
                        args -> volumes(engine, args)))
                .command("volume", new Subcommand("create [OPTIONS] [VOLUME]", "Create a volume", List.of(), "",
                        List.of(Flag.string("driver", 'd', "Specify volume driver name (default \"local\")")),
                        ArgsRule.atMost(1), 0, args -> CommandResult.ok(engine.volumes()
                                .createRequested(args.args().isEmpty() ? "" : args.arg(0)).name() + "\n")))
                .command("volume", new Subcommand("rm [OPTIONS] VOLUME [VOLUME...]", "Remove one or more volumes",
                        List.of("remove"), "docker volume rm, docker volume remove",
                        List.of(Flag.bool("force", 'f', "Force the removal of one or more volumes")),
                        ArgsRule.atLeast(1), 0, args -> removeVolumes(engine, args)))
                .command("volume", new Subcommand("inspect [OPTIONS] VOLUME [VOLUME...]",
                        "Display detailed information on one or more volumes", List.of(), "",
                        List.of(InspectOutput.formatFlag()), ArgsRule.atLeast(1), 0, args -> inspectVolumes(engine, args)));
    }

    private static CommandResult networks(ContainerEngine engine, ParsedArgs args) {
        String format = args.bool("quiet") ? "{{.ID}}" : args.string("format").isEmpty() ? NETWORK_FORMAT : args.string("format");
        List<Obj> rows = engine.networks().networks().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .map(n -> Obj.map().put("ID", args.bool("no-trunc") ? n.id() : n.shortId()).put("Name", n.name())
                        .put("Driver", n.driver().text()).put("Scope", "local").build()).toList();
        try {
            return CommandResult.ok(Formatter.render(format, rows, NETWORK_HEADER, "*formatter.networkContext"));
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
    }

    private static CommandResult removeNetworks(ContainerEngine engine, ParsedArgs args) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String name : args.args()) {
            try {
                DockerNetwork removed = engine.networks().remove(name);
                out.append(name.equals(removed.name()) ? name : name).append('\n');
            } catch (DaemonException e) {
                err.append("Error response from daemon: ").append(e.getMessage()).append('\n');
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.isEmpty() ? 0 : 1);
    }

    private static CommandResult volumes(ContainerEngine engine, ParsedArgs args) {
        String format = args.bool("quiet") ? "{{.Name}}" : args.string("format").isEmpty() ? VOLUME_FORMAT : args.string("format");
        List<Obj> rows = engine.volumes().all().stream().map(v -> Obj.map().put("Driver", "local").put("Name", v.name())
                .put("Mountpoint", v.mountpoint()).build()).toList();
        try {
            return CommandResult.ok(Formatter.render(format, rows, VOLUME_HEADER, "*formatter.volumeContext"));
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
    }

    private static CommandResult inspectVolumes(ContainerEngine engine, ParsedArgs args) {
        List<JsonValue> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : args.args()) {
            try {
                found.add(VolumeInspect.of(engine.volumes().get(name)));
            } catch (DaemonException e) {
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        return InspectOutput.render(args.string("format"), found, errors);
    }

    private static CommandResult removeVolumes(ContainerEngine engine, ParsedArgs args) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String name : args.args()) {
            try {
                Volume volume = engine.volumes().get(name);
                engine.removeVolume(volume);
                out.append(name).append('\n');
            } catch (DaemonException e) {
                err.append("Error response from daemon: ").append(e.getMessage()).append('\n');
            }
        }
        return new CommandResult(out.toString(), err.toString(), err.isEmpty() ? 0 : 1);
    }
}
