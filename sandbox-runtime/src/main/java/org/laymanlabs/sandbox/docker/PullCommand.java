package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.LayerProgress;
import org.laymanlabs.sandbox.image.PullResult;
import org.laymanlabs.sandbox.image.Reference;

/**
 * {@code docker pull}. Mirrors docker/cli cli/command/image/pull.go, and the progress a terminal
 * shows once the stream is done (pkg/jsonmessage): one line per layer in its final state.
 */
final class PullCommand {

    private PullCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("pull [OPTIONS] NAME[:TAG|@DIGEST]", "Download an image from a registry", List.of(),
                "docker image pull, docker pull",
                List.of(Flag.bool("all-tags", 'a', "Download all tagged images in the repository"),
                        Flag.bool("disable-content-trust", '\0', true, "Skip image verification"),
                        Flag.string("platform", '\0', "Set platform if server is multi-platform capable"),
                        Flag.bool("quiet", 'q', "Suppress verbose output")),
                ArgsRule.exactly(1), 5, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        Reference ref;
        try {
            ref = Reference.parse(args.arg(0));
        } catch (InvalidReferenceException e) {
            return DockerCommand.error(e.getMessage());
        }
        boolean quiet = args.bool("quiet");
        if (args.bool("all-tags")) {
            return DockerCommand.error(ref.isNameOnly() ? "docker: pulling every tag (--all-tags) is not available in"
                    + " this sandbox; pull the tags you need one by one" : "tag can't be used with --all-tags/-a");
        }
        StringBuilder out = new StringBuilder();
        if (ref.isNameOnly()) {
            ref = ref.withDefaultTag();
            if (!quiet) {
                out.append("Using default tag: ").append(ref.tag()).append('\n');
            }
        }
        PullResult result;
        try {
            result = daemon.puller().pull(ref);
        } catch (DaemonException e) {
            return new CommandResult(out.toString(), "Error response from daemon: " + e.getMessage() + "\n", 1);
        }
        if (!quiet) {
            progress(out, ref, result);
        }
        return CommandResult.ok(out.append(ref).append('\n').toString());
    }

    private static void progress(StringBuilder out, Reference ref, PullResult result) {
        String tagOrDigest = ref.digestIfAny().map(Object::toString).orElse(ref.tag());
        out.append(tagOrDigest).append(": Pulling from ").append(ref.path()).append('\n');
        for (LayerProgress layer : result.layers()) {
            out.append(layer.id()).append(": ").append(layer.status()).append('\n');
        }
        out.append("Digest: ").append(result.manifestDigest()).append('\n');
        out.append("Status: ").append(result.downloaded() ? "Downloaded newer image for " : "Image is up to date for ")
                .append(ref.familiarString()).append('\n');
    }
}
