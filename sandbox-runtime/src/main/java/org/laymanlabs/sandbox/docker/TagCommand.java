package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.Reference;

/** {@code docker tag}. Mirrors docker/cli cli/command/image/tag.go and the API client's ImageTag checks. */
final class TagCommand {

    private TagCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
                List.of(), "docker image tag, docker tag", List.of(), ArgsRule.exactly(2), 0, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        String source = args.arg(0);
        String target = args.arg(1);
        if (!source.matches("(sha256:)?[a-f0-9]{64}")) {
            try {
                Reference.parse(source);
            } catch (InvalidReferenceException e) {
                return invalid(source, e);
            }
        }
        Reference ref;
        try {
            ref = Reference.parse(target);
        } catch (InvalidReferenceException e) {
            return invalid(target, e);
        }
        if (ref.digestIfAny().isPresent()) {
            return DockerCommand.error("refusing to create a tag with a digest reference");
        }
        Image image = daemon.images().resolve(source);
        daemon.images().tag(image, ref.withDefaultTag());
        return CommandResult.ok("");
    }

    private static CommandResult invalid(String text, InvalidReferenceException e) {
        return DockerCommand.error("Error parsing reference: \"" + text + "\" is not a valid repository/tag: " + e.getMessage());
    }
}
