package org.laymanlabs.sandbox.docker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerState;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * A container as {@code docker ps} shows it. Mirrors docker/cli cli/command/formatter/container.go
 * (the quoted, shortened command; ports as {@code 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp}) and
 * moby container/state.go String() ("Up 2 minutes", "Exited (1) 5 seconds ago").
 */
public final class ContainerRows {

    static final String ROW_TYPE = "*formatter.ContainerContext";
    static final String DEFAULT_FORMAT =
            "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}";
    static final Obj HEADER = Obj.map().put("ID", "CONTAINER ID").put("Image", "IMAGE").put("Command", "COMMAND")
            .put("CreatedAt", "CREATED AT").put("RunningFor", "CREATED").put("Status", "STATUS").put("Ports", "PORTS")
            .put("Names", "NAMES").put("State", "STATE").put("Size", "SIZE").put("Networks", "NETWORKS")
            .put("Mounts", "MOUNTS").put("Labels", "LABELS").put("LocalVolumes", "LOCAL VOLUMES").build();

    private ContainerRows() {
    }

    static Obj row(Container c, Instant now, boolean noTrunc) {
        String command = String.join(" ", c.argv());
        if (!noTrunc && command.codePointCount(0, command.length()) > 20) {
            command = command.substring(0, command.offsetByCodePoints(0, 19)) + "…";
        }
        return Obj.map().put("ID", noTrunc ? c.id() : c.shortId()).put("Image", c.spec().image())
                .put("Command", "\"" + command + "\"")
                .put("CreatedAt", c.created().toString())
                .put("RunningFor", Units.humanDuration(Duration.between(c.created(), now)) + " ago")
                .put("Status", status(c.state(), now)).put("Ports", ports(c)).put("Names", c.name())
                .put("State", c.state().status().text())
                .put("Networks", c.spec().networkMode().equals("default") ? "bridge" : c.spec().networkMode())
                .put("Size", "0B").put("Mounts", String.join(",", c.mounts().stream().map(m -> m.volume().name()).toList()))
                .put("Labels", "").put("LocalVolumes", Integer.toString(c.mounts().size())).build();
    }

    /** moby State.String(): what {@code docker ps} shows as STATUS, and the Engine API's list as Status. */
    public static String status(ContainerState state, Instant now) {
        if (state.status() == ContainerStatus.RESTARTING) {
            return "Restarting (" + state.exitCode() + ") " + ago(state.finishedAt().orElse(now), now);
        }
        if (state.status() == ContainerStatus.RUNNING) {
            return "Up " + Units.humanDuration(Duration.between(state.startedAt().orElse(now), now));
        }
        if (state.status() == ContainerStatus.REMOVING) {
            return "Removal In Progress";
        }
        if (state.status() == ContainerStatus.DEAD) {
            return "Dead";
        }
        if (state.startedAt().isEmpty()) {
            return "Created";
        }
        return "Exited (" + state.exitCode() + ") " + ago(state.finishedAt().orElse(now), now);
    }

    private static String ago(Instant then, Instant now) {
        return Units.humanDuration(Duration.between(then, now)) + " ago";
    }

    /** DisplayablePorts: published ports with both address families, then exposed-only ones. */
    static String ports(Container c) {
        if (c.state().status() != ContainerStatus.RUNNING) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (PortMapping p : c.publishedPorts()) {
            shown.add(p.listenAddress() + ":" + p.hostPort() + "->" + p.containerKey());
            p.ipv6Twin().ifPresent(v6 -> shown.add("[" + v6 + "]:" + p.hostPort() + "->" + p.containerKey()));
        }
        for (String exposed : c.image().config().exposedPorts()) {
            if (c.publishedPorts().stream().noneMatch(p -> p.containerKey().equals(exposed))) {
                shown.add(exposed);
            }
        }
        return String.join(", ", shown);
    }
}
