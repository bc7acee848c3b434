package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.DeleteRecord;

/**
 * {@code docker rmi} / {@code docker image rm}. Mirrors docker/cli cli/command/image/remove.go:
 * each image in turn, "Untagged:" and "Deleted:" lines, errors collected; with {@code -f},
 * images that do not exist are reported but do not fail the command.
 */
final class RmiCommand {

    private RmiCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("rmi [OPTIONS] IMAGE [IMAGE...]", "Remove one or more images", List.of(),
                "docker image rm, docker image remove, docker rmi",
                List.of(Flag.bool("force", 'f', "Force removal of the image"),
                        Flag.bool("no-prune", '\0', "Do not delete untagged parents"),
                        Flag.valued("platform", '\0', "strings",
                                "Remove only the given platform variant. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")")),
                ArgsRule.atLeast(1), 0, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        boolean force = args.bool("force");
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        boolean fatal = false;
        for (String image : args.args()) {
            try {
                for (DeleteRecord record : daemon.images().delete(image, force, !args.bool("no-prune"))) {
                    out.append(line(record)).append('\n');
                }
            } catch (DaemonException e) {
                fatal = fatal || e.kind() != DaemonException.Kind.NOT_FOUND;
                errors.add("Error response from daemon: " + e.getMessage());
            }
        }
        if (errors.isEmpty()) {
            return CommandResult.ok(out.toString());
        }
        String stderr = String.join("\n", errors) + "\n";
        return new CommandResult(out.toString(), stderr, !force || fatal ? 1 : 0);
    }

    private static String line(DeleteRecord record) {
        if (record instanceof DeleteRecord.Untagged untagged) {
            return "Untagged: " + untagged.reference().familiarString();
        }
        return "Deleted: " + ((DeleteRecord.Deleted) record).digest();
    }
}
