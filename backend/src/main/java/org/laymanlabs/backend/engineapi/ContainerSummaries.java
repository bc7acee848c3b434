package org.laymanlabs.backend.engineapi;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.docker.ContainerInspect;
import org.laymanlabs.sandbox.docker.ContainerRows;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * One container as {@code GET /containers/json} lists it: moby api/types/container.Summary, built
 * by daemon/list.go's transformContainer. The network settings, host config and mounts are those
 * of the container's inspect object, so the list and inspect never disagree.
 */
final class ContainerSummaries {

    private ContainerSummaries() {
    }

    /** @param size whether to add SizeRw and SizeRootFs, as {@code ?size=1} and {@code /system/df} ask */
    static Obj of(Container c, ContainerEngine engine, boolean size) {
        Obj inspect = ContainerInspect.of(c, engine.networks(), size);
        Obj hostConfig = (Obj) inspect.get("HostConfig").orElseThrow();
        Obj networkSettings = (Obj) inspect.get("NetworkSettings").orElseThrow();
        Obj.Builder labels = Obj.map();
        c.image().config().labels().forEach(labels::put);
        Obj.Builder out = Obj.struct().put("Id", c.id())
                .put("Names", JsonValue.ofStrings(List.of("/" + c.name())))
                .put("Image", c.spec().image()).put("ImageID", c.image().id().toString())
                .put("Command", command(c.argv()))
                .put("Created", c.created().getEpochSecond())
                .put("Ports", ports(c));
        if (size) {
            out.put("SizeRw", inspect.get("SizeRw").orElseThrow()).put("SizeRootFs", inspect.get("SizeRootFs").orElseThrow());
        }
        return out.put("Labels", labels.build())
                .put("State", c.state().status().text())
                .put("Status", ContainerRows.status(c.state(), engine.clock().now()))
                .put("HostConfig", Obj.struct().put("NetworkMode", hostConfig.get("NetworkMode").orElseThrow()).build())
                .put("NetworkSettings", Obj.struct().put("Networks", networkSettings.get("Networks").orElseThrow()).build())
                .put("Mounts", inspect.get("Mounts").orElseThrow()).build();
    }

    /** The path, then the arguments, those with a space in single quotes. */
    private static String command(List<String> argv) {
        List<String> words = new ArrayList<>(List.of(argv.get(0)));
        argv.stream().skip(1).map(a -> a.contains(" ") ? "'" + a + "'" : a).forEach(words::add);
        return String.join(" ", words);
    }

    /** moby's Port list: each published port (with its IPv6 twin), then the image's exposed-only ports. */
    private static JsonValue ports(Container c) {
        List<JsonValue> ports = new ArrayList<>();
        if (c.state().status() == ContainerStatus.RUNNING) {
            for (PortMapping p : c.publishedPorts()) {
                ports.add(port(p.listenAddress(), p));
                p.ipv6Twin().ifPresent(v6 -> ports.add(port(v6, p)));
            }
        }
        for (String exposed : c.image().config().exposedPorts()) {
            if (c.publishedPorts().stream().noneMatch(p -> p.containerKey().equals(exposed))) {
                String[] parts = exposed.split("/");
                ports.add(Obj.struct().put("PrivatePort", Long.parseLong(parts[0])).put("Type", parts[1]).build());
            }
        }
        return new JsonValue.Arr(ports);
    }

    private static Obj port(String ip, PortMapping p) {
        return Obj.struct().put("IP", ip).put("PrivatePort", p.containerPort()).put("PublicPort", p.hostPort())
                .put("Type", p.protocol()).build();
    }
}
