package org.laymanlabs.sandbox.kube.kubectl;

import java.util.List;

/** Every kubectl verb the sandbox knows, by command path, and the command groups that only hold verbs. */
final class Subcommands {

    /** Groups whose bare name prints help (rollout on stdout, the others on stderr) and exits 1. */
    static final List<String> GROUPS = List.of("kubectl rollout", "kubectl set", "kubectl create service");

    private Subcommands() {
    }

    static List<Subcommand> all(String serverUrl) {
        List<Subcommand> all = new java.util.ArrayList<>(List.of(new GetCommand(), new ApplyCommand(), new RunCommand(),
                new ExposeCommand(), new DeleteCommand(), new ScaleCommand(), new PatchCommand(), MetadataCommand.label(), MetadataCommand.annotate(),
                new SetImageCommand(), new DescribeCommand(), new ExplainCommand(ExplainSchema::shared), new LogsCommand(),
                new ExecCommand(), new WaitCommand()));
        all.addAll(CreateCommands.all());
        all.addAll(NodeCommands.all());
        all.addAll(RolloutCommands.all());
        all.addAll(InfoCommands.all(serverUrl));
        all.addAll(NotYet.all());
        return all;
    }
}
