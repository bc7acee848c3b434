package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerState;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.Mount;
import org.laymanlabs.sandbox.container.network.Endpoint;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * A container as {@code GET /containers/{id}/json} returns it in API 1.50 (moby
 * api/types/container ContainerJSON): Id, Created, Path, Args, State, Image, Name, RestartCount,
 * HostConfig, Mounts, Config and NetworkSettings, fields in moby's order.
 */
final class ContainerInspect {

    private static final JsonValue NULL = new JsonValue.Null();

    private ContainerInspect() {
    }

    static Obj of(Container c) {
        return Obj.struct().put("Id", c.id()).put("Created", GoTime.rfc3339Nano(c.created()))
                .put("Path", c.argv().get(0)).put("Args", JsonValue.ofStrings(c.argv().subList(1, c.argv().size())))
                .put("State", state(c.state())).put("Image", c.image().id().toString())
                .put("ResolvConfPath", "/var/lib/docker/containers/" + c.id() + "/resolv.conf")
                .put("HostnamePath", "/var/lib/docker/containers/" + c.id() + "/hostname")
                .put("HostsPath", "/var/lib/docker/containers/" + c.id() + "/hosts")
                .put("LogPath", "/var/lib/docker/containers/" + c.id() + "/" + c.id() + "-json.log")
                .put("Name", "/" + c.name()).put("RestartCount", c.restartCount()).put("Driver", "overlay2")
                .put("Platform", "linux").put("MountLabel", "").put("ProcessLabel", "").put("AppArmorProfile", "")
                .put("ExecIDs", NULL).put("HostConfig", hostConfig(c))
                .put("Mounts", new JsonValue.Arr(c.mounts().stream().<JsonValue>map(ContainerInspect::mount).toList()))
                .put("Config", config(c)).put("NetworkSettings", networkSettings(c)).build();
    }

    private static Obj state(ContainerState s) {
        return Obj.struct().put("Status", s.status().text())
                .put("Running", JsonValue.of(s.isRunning()))
                .put("Paused", JsonValue.of(false))
                .put("Restarting", JsonValue.of(s.status() == ContainerStatus.RESTARTING))
                .put("OOMKilled", JsonValue.of(false)).put("Dead", JsonValue.of(s.status() == ContainerStatus.DEAD))
                .put("Pid", s.pid()).put("ExitCode", s.exitCode()).put("Error", s.error())
                .put("StartedAt", s.startedAt().map(GoTime::rfc3339Nano).orElse(GoTime.ZERO))
                .put("FinishedAt", s.finishedAt().map(GoTime::rfc3339Nano).orElse(GoTime.ZERO)).build();
    }

    private static Obj hostConfig(Container c) {
        Obj.Builder bindings = Obj.map();
        for (PortMapping p : c.spec().ports()) {
            bindings.put(p.containerKey(), new JsonValue.Arr(List.of(Obj.struct().put("HostIp", p.hostIp())
                    .put("HostPort", p.hostPort() == 0 ? "" : Integer.toString(p.hostPort())).build())));
        }
        return Obj.struct()
                .put("Binds", c.spec().volumes().isEmpty() ? NULL : JsonValue.ofStrings(c.spec().volumes()))
                .put("NetworkMode", c.spec().networkMode()).put("PortBindings", bindings.build())
                .put("RestartPolicy", Obj.struct().put("Name", c.spec().restartPolicy().name().text())
                        .put("MaximumRetryCount", c.spec().restartPolicy().maximumRetryCount()).build())
                .put("AutoRemove", JsonValue.of(c.spec().autoRemove())).build();
    }

    private static Obj mount(Mount m) {
        return Obj.struct().put("Type", "volume").put("Name", m.volume().name()).put("Source", m.volume().mountpoint())
                .put("Destination", m.destination()).put("Driver", "local").put("Mode", "z")
                .put("RW", JsonValue.of(true)).put("Propagation", "").build();
    }

    private static Obj config(Container c) {
        Obj.Builder exposed = Obj.map();
        c.image().config().exposedPorts().forEach(p -> exposed.put(p, Obj.struct().build()));
        c.spec().ports().forEach(p -> exposed.put(p.containerKey(), Obj.struct().build()));
        return Obj.struct().put("Hostname", c.shortId()).put("Domainname", "").put("User", c.image().config().user())
                .put("AttachStdin", JsonValue.of(false)).put("AttachStdout", JsonValue.of(false))
                .put("AttachStderr", JsonValue.of(false)).put("ExposedPorts", exposed.build())
                .put("Tty", JsonValue.of(c.spec().tty())).put("OpenStdin", JsonValue.of(c.spec().openStdin()))
                .put("StdinOnce", JsonValue.of(false)).put("Env", JsonValue.ofStrings(c.env()))
                .put("Cmd", c.spec().command().isEmpty() ? JsonValue.ofStrings(c.image().config().cmd())
                        : JsonValue.ofStrings(c.spec().command()))
                .put("Image", c.spec().image()).put("Volumes", NULL).put("WorkingDir", c.workingDir())
                .put("Entrypoint", c.spec().entrypoint().map(e -> JsonValue.ofStrings(List.of(e)))
                        .orElse(c.image().config().entrypoint().isEmpty() ? NULL
                                : JsonValue.ofStrings(c.image().config().entrypoint())))
                .put("Labels", Obj.map().build())
                .putIfNotEmpty("StopSignal", JsonValue.of(c.image().config().stopSignal())).build();
    }

    private static Obj networkSettings(Container c) {
        Obj.Builder ports = Obj.map();
        for (PortMapping p : c.publishedPorts()) {
            ports.put(p.containerKey(), new JsonValue.Arr(List.of(
                    Obj.struct().put("HostIp", p.listenAddress()).put("HostPort", Integer.toString(p.hostPort())).build(),
                    Obj.struct().put("HostIp", "::").put("HostPort", Integer.toString(p.hostPort())).build())));
        }
        Obj.Builder networks = Obj.map();
        Endpoint primary = c.endpoints().isEmpty() ? null : c.endpoints().get(0);
        for (Endpoint e : c.endpoints()) {
            networks.put(e.network().name(), Obj.struct().put("IPAMConfig", NULL).put("Links", NULL)
                    .put("Aliases", NULL).put("MacAddress", e.mac().toString())
                    .put("DriverOpts", NULL).put("GwPriority", 0).put("NetworkID", e.network().id())
                    .put("EndpointID", e.id()).put("Gateway", e.network().gateway().map(Object::toString).orElse(""))
                    .put("IPAddress", e.address().toString()).put("IPPrefixLen", 16).put("IPv6Gateway", "")
                    .put("GlobalIPv6Address", "").put("GlobalIPv6PrefixLen", 0)
                    .put("DNSNames", e.network().isUserDefined() ? JsonValue.ofStrings(e.dnsNames()) : NULL)
                    .build());
        }
        boolean bridge = primary != null && primary.network().name().equals("bridge");
        return Obj.struct().put("SandboxID", c.namespace().map(ns -> c.id()).orElse(""))
                .put("SandboxKey", c.namespace().map(ns -> "/var/run/docker/netns/" + c.shortId()).orElse(""))
                .put("Ports", ports.build())
                .put("EndpointID", bridge ? primary.id() : "")
                .put("Gateway", bridge ? primary.network().gateway().orElseThrow().toString() : "")
                .put("IPAddress", bridge ? primary.address().toString() : "")
                .put("IPPrefixLen", bridge ? 16 : 0)
                .put("MacAddress", bridge ? primary.mac().toString() : "")
                .put("Networks", networks.build()).build();
    }
}
