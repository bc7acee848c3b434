package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.Directory;

/**
 * {@code docker port}, {@code docker diff} and {@code docker commit}. Mirrors docker/cli
 * cli/command/container/port.go, diff.go (A, C and D lines from the writable layer, as moby's
 * archive.Changes reports overlay2's upper directory) and commit.go.
 */
final class ContainerExtras {

    private ContainerExtras() {
    }

    static Subcommand port(ContainerEngine engine) {
        return new Subcommand("port CONTAINER [PRIVATE_PORT[/PROTO]]", "List port mappings or a specific mapping for the"
                + " container", List.of(), "docker container port, docker port", List.of(), new ArgsRule(1, 2), 0, args -> {
                    Container c = engine.containers().get(args.arg(0));
                    StringBuilder out = new StringBuilder();
                    for (PortMapping p : c.publishedPorts()) {
                        String wanted = args.args().size() > 1 ? args.arg(1) : null;
                        if (wanted == null || wanted.equals(p.containerKey()) || wanted.equals(String.valueOf(p.containerPort()))) {
                            String prefix = wanted == null ? p.containerKey() + " -> " : "";
                            out.append(prefix).append(p.listenAddress()).append(':').append(p.hostPort()).append('\n');
                            p.ipv6Twin().ifPresent(v6 -> out.append(prefix).append("[").append(v6).append("]:")
                                    .append(p.hostPort()).append('\n'));
                        }
                    }
                    return CommandResult.ok(out.toString());
                });
    }

    static Subcommand diff(ContainerEngine engine) {
        return new Subcommand("diff CONTAINER", "Inspect changes to files or directories on a container's filesystem",
                List.of(), "docker container diff, docker diff", List.of(), ArgsRule.exactly(1), 0, args -> {
                    Container c = engine.containers().get(args.arg(0));
                    StringBuilder out = new StringBuilder();
                    Diff changes = c.rootfs().changes();
                    changes.walk((path, node) -> {
                        String name = path.name();
                        if (Diff.isWhiteout(name)) {
                            out.append("D ").append(path.parent().child(name.substring(Diff.WHITEOUT_PREFIX.length())))
                                    .append('\n');
                        } else {
                            boolean existed = c.image().rootfs().lstat(path.toString()).isPresent();
                            boolean changed = existed && !(node instanceof Directory d && d.equals(c.image().rootfs()
                                    .lstat(path.toString()).orElse(null)));
                            out.append(existed ? (changed ? "C " : "C ") : "A ").append(path).append('\n');
                        }
                    });
                    return CommandResult.ok(out.toString());
                });
    }

    static Subcommand commit(ContainerEngine engine) {
        return new Subcommand("commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]", "Create a new image from a container's"
                + " changes", List.of(), "docker container commit, docker commit",
                List.of(Flag.string("author", 'a', "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")"),
                        Flag.string("message", 'm', "Commit message"),
                        Flag.bool("pause", 'p', true, "Pause container during commit")),
                new ArgsRule(1, 2), 0, args -> {
                    Image image = engine.commit(args.arg(0), args.string("message"));
                    if (args.args().size() > 1) {
                        engine.images().tag(image, Reference.parse(args.arg(1)));
                    }
                    return CommandResult.ok(image.id() + "\n");
                });
    }
}
