package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.LayerProgress;
import org.laymanlabs.sandbox.image.PushResult;
import org.laymanlabs.sandbox.image.Reference;

/**
 * {@code docker push}. Mirrors docker/cli cli/command/image/push.go; errors after the push has
 * started arrive in the progress stream, so they print without "Error response from daemon".
 */
final class PushCommand {

    private PushCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("push [OPTIONS] NAME[:TAG]", "Upload an image to a registry", List.of(),
                "docker image push, docker push",
                List.of(Flag.bool("all-tags", 'a', "Push all tags of an image to the repository"),
                        Flag.bool("disable-content-trust", '\0', true, "Skip image signing"),
                        Flag.string("platform", '\0', "Push a platform-specific manifest as a single-platform image to the registry.\n"
                                + "Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n"
                                + "'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)"),
                        Flag.bool("quiet", 'q', "Suppress verbose output")),
                ArgsRule.exactly(1), 6, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        Reference ref;
        try {
            ref = Reference.parse(args.arg(0));
        } catch (InvalidReferenceException e) {
            return DockerCommand.error(e.getMessage());
        }
        if (args.bool("all-tags")) {
            return DockerCommand.error(ref.isNameOnly() ? "docker: pushing every tag (--all-tags) is not available in"
                    + " this sandbox; push the tags you need one by one" : "tag can't be used with --all-tags/-a");
        }
        boolean quiet = args.bool("quiet");
        StringBuilder out = new StringBuilder();
        if (ref.isNameOnly()) {
            ref = ref.withDefaultTag();
            if (!quiet) {
                out.append("Using default tag: ").append(ref.tag()).append('\n');
            }
        }
        PushResult result = daemon.pusher().push(ref);
        if (!quiet) {
            out.append("The push refers to repository [").append(result.repository()).append("]\n");
            for (LayerProgress layer : result.layers()) {
                out.append(layer.id()).append(": ").append(layer.status()).append('\n');
            }
        }
        if (!result.succeeded()) {
            return new CommandResult(out.toString(), result.error() + "\n", 1);
        }
        out.append(quiet ? ref.toString() : result.summary()).append('\n');
        return CommandResult.ok(out.toString());
    }
}
