package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerState;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.Mount;
import org.laymanlabs.sandbox.container.network.NetworkController;
import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.ImageConfig;
import org.laymanlabs.sandbox.image.ImageInspect;
import org.laymanlabs.sandbox.image.Layer;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * A container as {@code GET /containers/{id}/json} returns it in API 1.50. Mirrors moby
 * api/types/container container.go (InspectResponse: the fields of Base, then Mounts, Config and
 * NetworkSettings) and daemon/inspect.go; HostConfig and NetworkSettings have classes of their own.
 */
public final class ContainerInspect {

    private static final JsonValue NULL = new JsonValue.Null();
    private static final String CONTAINERS = "/var/lib/docker/containers/";
    private static final String OVERLAY_ROOT = "/var/lib/docker/overlay2/";

    private ContainerInspect() {
    }

    /** @param size whether to add SizeRw and SizeRootFs, as {@code ?size=1} ({@code docker inspect -s}) asks */
    public static Obj of(Container c, NetworkController networks, boolean size) {
        String dir = CONTAINERS + c.id() + "/";
        Obj.Builder out = Obj.struct().put("Id", c.id()).put("Created", GoTime.rfc3339Nano(c.created()))
                .put("Path", c.argv().get(0)).put("Args", JsonValue.ofStrings(c.argv().subList(1, c.argv().size())))
                .put("State", state(c.state())).put("Image", c.image().id().toString())
                .put("ResolvConfPath", dir + "resolv.conf").put("HostnamePath", dir + "hostname")
                .put("HostsPath", dir + "hosts").put("LogPath", dir + c.id() + "-json.log")
                .put("Name", "/" + c.name()).put("RestartCount", c.restartCount())
                .put("Driver", "overlay2").put("Platform", "linux")
                .put("MountLabel", "").put("ProcessLabel", "")
                // The sandbox's host runs no AppArmor, as Docker Desktop and most CI hosts do not.
                .put("AppArmorProfile", "")
                .put("ExecIDs", NULL)
                .put("HostConfig", ContainerHostConfig.of(c))
                .put("GraphDriver", graphDriver(c));
        if (size) {
            long rw = c.rootfs().changes().size();
            out.put("SizeRw", rw).put("SizeRootFs", rw + c.image().size());
        }
        return out.put("Mounts", new JsonValue.Arr(c.mounts().stream().<JsonValue>map(ContainerInspect::mount).toList()))
                .put("Config", config(c))
                .put("NetworkSettings", ContainerNetworkSettings.of(c, networks)).build();
    }

    /** moby State: Health is omitted as no healthcheck runs. A zero time is Go's zero time. */
    private static Obj state(ContainerState s) {
        return Obj.struct().put("Status", s.status().text())
                .put("Running", JsonValue.of(s.isRunning()))
                .put("Paused", JsonValue.of(s.status() == ContainerStatus.PAUSED))
                .put("Restarting", JsonValue.of(s.status() == ContainerStatus.RESTARTING))
                .put("OOMKilled", JsonValue.of(false)).put("Dead", JsonValue.of(s.status() == ContainerStatus.DEAD))
                .put("Pid", s.pid()).put("ExitCode", s.exitCode()).put("Error", s.error())
                .put("StartedAt", s.startedAt().map(GoTime::rfc3339Nano).orElse(GoTime.ZERO))
                .put("FinishedAt", s.finishedAt().map(GoTime::rfc3339Nano).orElse(GoTime.ZERO)).build();
    }

    /**
     * overlay2's metadata for the container's layer (daemon/graphdriver/overlay2 GetMetadata, a
     * Go map so sorted): its own directory above the {@code -init} layer and the image's layers,
     * top first. Docker names the layer's directory at random; this one is derived from the ID.
     */
    private static Obj graphDriver(Container c) {
        String layer = OVERLAY_ROOT + Digest.sha256("overlay2 cache " + c.id()).hex();
        List<String> lower = new ArrayList<>(List.of(layer + "-init/diff"));
        List<Layer> topFirst = new ArrayList<>(c.image().layers());
        Collections.reverse(topFirst);
        topFirst.forEach(l -> lower.add(OVERLAY_ROOT + ImageInspect.cacheId(l) + "/diff"));
        Obj data = Obj.map().put("ID", c.id()).put("LowerDir", String.join(":", lower))
                .put("MergedDir", layer + "/merged").put("UpperDir", layer + "/diff").put("WorkDir", layer + "/work")
                .build();
        return Obj.struct().put("Data", data).put("Name", "overlay2").build();
    }

    /** moby MountPoint for a named volume; Type, Name and Driver are omitempty but always set here. */
    private static Obj mount(Mount m) {
        return Obj.struct().put("Type", "volume").put("Name", m.volume().name()).put("Source", m.volume().mountpoint())
                .put("Destination", m.destination()).put("Driver", "local").put("Mode", "z")
                .put("RW", JsonValue.of(true)).put("Propagation", "").build();
    }

    /**
     * moby Config: the request merged with the image's config by the daemon. ExposedPorts and
     * StopSignal are omitempty; an {@code --entrypoint} drops the image's CMD.
     */
    private static Obj config(Container c) {
        ImageConfig image = c.image().config();
        Obj.Builder exposed = Obj.map();
        image.exposedPorts().forEach(p -> exposed.put(p, Obj.struct().build()));
        c.spec().ports().forEach(p -> exposed.put(p.containerKey(), Obj.struct().build()));
        Obj.Builder volumes = Obj.map();
        image.volumes().forEach(v -> volumes.put(v, Obj.struct().build()));
        Obj.Builder labels = Obj.map();
        image.labels().forEach(labels::put);
        List<String> cmd = !c.spec().command().isEmpty() ? c.spec().command()
                : c.spec().entrypoint().isPresent() ? List.of() : image.cmd();
        List<String> entrypoint = c.spec().entrypoint().map(List::of).orElse(image.entrypoint());
        return Obj.struct().put("Hostname", c.shortId()).put("Domainname", "").put("User", image.user())
                .put("AttachStdin", JsonValue.of(false)).put("AttachStdout", JsonValue.of(false))
                .put("AttachStderr", JsonValue.of(false)).putIfNotEmpty("ExposedPorts", exposed.build())
                .put("Tty", JsonValue.of(c.spec().tty())).put("OpenStdin", JsonValue.of(c.spec().openStdin()))
                .put("StdinOnce", JsonValue.of(false)).put("Env", JsonValue.ofStrings(c.env()))
                .put("Cmd", cmd.isEmpty() ? NULL : JsonValue.ofStrings(cmd))
                .put("Image", c.spec().image())
                .put("Volumes", image.volumes().isEmpty() ? NULL : volumes.build())
                .put("WorkingDir", c.workingDir())
                .put("Entrypoint", entrypoint.isEmpty() ? NULL : JsonValue.ofStrings(entrypoint))
                .put("OnBuild", NULL)
                .put("Labels", labels.build())
                .putIfNotEmpty("StopSignal", JsonValue.of(image.stopSignal())).build();
    }
}
