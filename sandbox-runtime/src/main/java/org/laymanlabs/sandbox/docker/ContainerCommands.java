package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.container.ContainerEngine;

/**
 * Registers the container, network and volume commands under their top-level and management
 * names, as docker/cli cli/command/container/cmd.go and commands.go do.
 */
public final class ContainerCommands {

    private ContainerCommands() {
    }

    public static void register(CommandTree.Builder tree, Daemon daemon, ContainerEngine engine) {
        Subcommand run = RunCommand.run(daemon, engine);
        Subcommand create = RunCommand.create(daemon, engine);
        Subcommand ps = PsCommand.create(engine);
        List<Subcommand> verbs = List.of(run, create, LifecycleCommands.start(engine), LifecycleCommands.stop(engine),
                LifecycleCommands.restart(engine), LifecycleCommands.kill(engine), LifecycleCommands.rm(engine),
                LogsExecCommands.logs(engine), LogsExecCommands.exec(engine), ContainerExtras.port(engine),
                ContainerExtras.diff(engine), ContainerExtras.commit(engine), TopCommand.create(engine));
        verbs.forEach(tree::command);
        tree.command(ps);
        tree.command(InspectCommand.create(daemon, engine, false));
        tree.group("container", "Manage containers");
        for (Subcommand verb : verbs) {
            tree.command("container", verb.name().equals("rm") ? verb.as("rm [OPTIONS] CONTAINER [CONTAINER...]",
                    List.of("remove")) : verb.as(verb.use(), List.of()));
        }
        tree.command("container", ps.as("ls [OPTIONS]", List.of("list", "ps")));
        tree.command("container", InspectCommand.create(daemon, engine, true));
        NetworkVolumeCommands.register(tree, engine);
    }
}
