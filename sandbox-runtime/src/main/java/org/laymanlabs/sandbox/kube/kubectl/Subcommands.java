package org.laymanlabs.sandbox.kube.kubectl;

import java.util.List;

/** Every kubectl verb the sandbox knows, by command path. */
final class Subcommands {

    private Subcommands() {
    }

    static List<Subcommand> all() {
        List<Subcommand> all = new java.util.ArrayList<>(List.of(new GetCommand(), new ApplyCommand(), new RunCommand(),
                new ExposeCommand(), new DeleteCommand(), new ScaleCommand(), MetadataCommand.label(), MetadataCommand.annotate(),
                new SetImageCommand(), new DescribeCommand()));
        all.addAll(CreateCommands.all());
        all.addAll(NodeCommands.all());
        return all;
    }
}
