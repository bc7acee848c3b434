package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.network.NetworkCreateRequest;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonValue;

/**
 * {@code docker network create/inspect/connect/disconnect}. Mirrors docker/cli
 * cli/command/network/create.go (with consolidateIpam), inspect.go, connect.go and
 * disconnect.go: their use lines, flags that the sandbox honours, and messages.
 */
final class NetworkCommands {

    private NetworkCommands() {
    }

    static void register(CommandTree.Builder tree, ContainerEngine engine) {
        tree.command("network", new Subcommand("create [OPTIONS] NETWORK", "Create a network", List.of(), "",
                        List.of(Flag.string("driver", 'd', "Driver to manage the Network (default \"bridge\")"),
                                Flag.valued("gateway", '\0', "strings", "IPv4 or IPv6 Gateway for the master subnet"),
                                Flag.valued("subnet", '\0', "strings", "Subnet in CIDR format that represents a network segment")),
                        ArgsRule.exactly(1), 0, args -> create(engine, args)))
                .command("network", new Subcommand("inspect [OPTIONS] NETWORK [NETWORK...]",
                        "Display detailed information on one or more networks", List.of(), "",
                        List.of(InspectOutput.formatFlag()), ArgsRule.atLeast(1), 0, args -> inspect(engine, args)))
                .command("network", new Subcommand("connect [OPTIONS] NETWORK CONTAINER",
                        "Connect a container to a network", List.of(), "", List.of(), ArgsRule.exactly(2), 0, args -> {
                            engine.connect(args.arg(0), args.arg(1));
                            return CommandResult.ok("");
                        }))
                .command("network", new Subcommand("disconnect [OPTIONS] NETWORK CONTAINER",
                        "Disconnect a container from a network", List.of(), "", List.of(), ArgsRule.exactly(2), 0,
                        args -> {
                            engine.disconnect(args.arg(0), args.arg(1));
                            return CommandResult.ok("");
                        }));
    }

    private static CommandResult create(ContainerEngine engine, ParsedArgs args) {
        List<String> subnets = args.all("subnet");
        List<String> gateways = args.all("gateway");
        if (gateways.size() > subnets.size()) {
            return DockerCommand.error("every ip-range or gateway must have a corresponding subnet");
        }
        if (subnets.size() > 1) {
            return DockerCommand.error("the sandbox's networks take one IPv4 --subnet; got " + subnets.size());
        }
        String driver = args.string("driver").isEmpty() ? "bridge" : args.string("driver");
        NetworkCreateRequest request = NetworkCreateRequest.parse(args.arg(0), driver, subnets.stream().findFirst(),
                gateways.stream().findFirst());
        return CommandResult.ok(engine.networks().create(request).id() + "\n");
    }

    private static CommandResult inspect(ContainerEngine engine, ParsedArgs args) {
        List<JsonValue> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : args.args()) {
            try {
                found.add(NetworkInspect.of(engine.networks().find(name), engine.containers()));
            } catch (DaemonException e) {
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        return InspectOutput.render(args.string("format"), found, errors);
    }
}
