package org.laymanlabs.sandbox.docker;

import java.util.List;

/**
 * Registers the image commands under their top-level and {@code docker image} names, with the
 * Use lines and aliases of docker/cli cli/command/image/cmd.go and commands.go.
 */
public final class ImageCommands {

    private ImageCommands() {
    }

    public static void register(CommandTree.Builder tree, Daemon daemon) {
        Subcommand images = ImagesCommand.create(daemon);
        Subcommand pull = PullCommand.create(daemon);
        Subcommand push = PushCommand.create(daemon);
        Subcommand tag = TagCommand.create(daemon);
        Subcommand rmi = RmiCommand.create(daemon);
        Subcommand history = HistoryCommand.create(daemon);
        List.of(images, pull, push, tag, rmi, history).forEach(tree::command);
        tree.group("image", "Manage images")
                .command("image", images.as("ls [OPTIONS] [REPOSITORY[:TAG]]", List.of("list")))
                .command("image", pull.as(pull.use(), List.of()))
                .command("image", push.as(push.use(), List.of()))
                .command("image", tag.as(tag.use(), List.of()))
                .command("image", rmi.as("rm [OPTIONS] IMAGE [IMAGE...]", List.of("rmi", "remove")))
                .command("image", history.as(history.use(), List.of()))
                .command("image", ImageInspectCommand.create(daemon));
        tree.group("system", "Manage Docker").command("system", SystemDfCommand.create(daemon));
    }
}
