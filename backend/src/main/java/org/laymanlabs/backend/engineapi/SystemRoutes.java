package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.docker.VersionCommand;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * {@code /_ping}, {@code /version} and {@code /info}. Mirrors moby api/server/router/system
 * (system_routes.go): the ping's headers drive the client's version negotiation (FIDELITY.md §3),
 * and the version and info describe the same engine {@code docker version} and {@code docker info}
 * print in the sandbox's terminal.
 */
final class SystemRoutes {

    private static final String GIT_COMMIT = "45873be";
    private static final String GO_VERSION = "go1.24.3";
    private static final String KERNEL = "6.8.0-60-generic";
    private static final String CONTAINERD = "05044ec0a9a75232cad458027ca83437aff3c4da";
    private static final String RUNC = "v1.2.5-0-g59923ef";
    private static final String INIT = "de40ad0";

    private SystemRoutes() {
    }

    /** HEAD and GET: "OK" and the headers; Builder-Version 1, as this engine has the classic builder only. */
    static void ping(ApiCall call) throws IOException {
        byte[] ok = call.request.method().equals("HEAD") ? new byte[0] : "OK".getBytes(StandardCharsets.UTF_8);
        call.response.body(200, "text/plain; charset=utf-8", ok, Map.of(
                "Builder-Version", "1", "Swarm", "inactive",
                "Cache-Control", "no-cache, no-store, must-revalidate", "Pragma", "no-cache"));
    }

    static void version(ApiCall call) throws IOException {
        Obj engine = Obj.struct().put("Name", "Engine").put("Version", VersionCommand.ENGINE_VERSION)
                .put("Details", Obj.map().put("ApiVersion", VersionCommand.API_VERSION).put("Arch", "amd64")
                        .put("BuildTime", "2025-05-30T12:07:14.000000000+00:00").put("Experimental", "false")
                        .put("GitCommit", GIT_COMMIT).put("GoVersion", GO_VERSION).put("KernelVersion", KERNEL)
                        .put("MinAPIVersion", VersionCommand.MIN_API_VERSION).put("Os", "linux").build()).build();
        JsonValue components = new JsonValue.Arr(List.of(engine,
                component("containerd", "1.7.27", CONTAINERD), component("runc", "1.2.5", RUNC),
                component("docker-init", "0.19.0", INIT)));
        Obj version = Obj.struct().put("Platform", Obj.struct().put("Name", "Docker Engine - Community").build())
                .put("Components", components).put("Version", VersionCommand.ENGINE_VERSION)
                .put("ApiVersion", VersionCommand.API_VERSION).put("MinAPIVersion", VersionCommand.MIN_API_VERSION)
                .put("GitCommit", GIT_COMMIT).put("GoVersion", GO_VERSION).put("Os", "linux").put("Arch", "amd64")
                .put("KernelVersion", KERNEL).put("BuildTime", "2025-05-30T12:07:14.000000000+00:00").build();
        call.response.json(200, JsonWriter.compact(version));
    }

    private static Obj component(String name, String version, String commit) {
        return Obj.struct().put("Name", name).put("Version", version)
                .put("Details", Obj.map().put("GitCommit", commit).build()).build();
    }

    /** moby system.Info, with the counts of this sandbox's engine and the laptop it runs on. */
    static void info(ApiCall call) throws IOException {
        String json = call.read(sandbox -> {
            ContainerEngine engine = sandbox.containers();
            List<Container> all = engine.containers().all();
            long running = all.stream().filter(c -> c.state().status() == ContainerStatus.RUNNING).count();
            long paused = all.stream().filter(c -> c.state().status() == ContainerStatus.PAUSED).count();
            return JsonWriter.compact(Obj.struct()
                    .put("ID", UUID.nameUUIDFromBytes("laptop".getBytes(StandardCharsets.UTF_8)).toString())
                    .put("Containers", all.size()).put("ContainersRunning", running).put("ContainersPaused", paused)
                    .put("ContainersStopped", all.size() - running - paused)
                    .put("Images", sandbox.daemon().images().images().size())
                    .put("Driver", "overlay2").put("DriverStatus", pairs(List.of(List.of("Backing Filesystem", "extfs"),
                            List.of("Supports d_type", "true"), List.of("Using metacopy", "false"),
                            List.of("Native Overlay Diff", "true"), List.of("userxattr", "false"))))
                    .put("Plugins", Obj.struct().put("Volume", JsonValue.ofStrings(List.of("local")))
                            .put("Network", JsonValue.ofStrings(List.of("bridge", "host", "ipvlan", "macvlan", "null", "overlay")))
                            .put("Authorization", new JsonValue.Null())
                            .put("Log", JsonValue.ofStrings(List.of("awslogs", "fluentd", "gcplogs", "gelf", "journald",
                                    "json-file", "local", "splunk", "syslog"))).build())
                    .put("LoggingDriver", "json-file").put("CgroupDriver", "systemd").put("CgroupVersion", "2")
                    .put("KernelVersion", KERNEL).put("OperatingSystem", "Ubuntu 24.04.2 LTS").put("OSVersion", "24.04")
                    .put("OSType", "linux").put("Architecture", "x86_64")
                    .put("IndexServerAddress", "https://index.docker.io/v1/")
                    .put("NCPU", 2).put("MemTotal", 8_327_036_928L).put("DockerRootDir", "/var/lib/docker")
                    .put("Name", "laptop").put("Labels", JsonValue.ofStrings(List.of()))
                    .put("ExperimentalBuild", JsonValue.of(false)).put("ServerVersion", VersionCommand.ENGINE_VERSION)
                    .put("DefaultRuntime", "runc").put("LiveRestoreEnabled", JsonValue.of(false))
                    .put("InitBinary", "docker-init")
                    .put("ContainerdCommit", Obj.struct().put("ID", CONTAINERD).build())
                    .put("RuncCommit", Obj.struct().put("ID", RUNC).build())
                    .put("InitCommit", Obj.struct().put("ID", INIT).build())
                    .put("SecurityOptions", JsonValue.ofStrings(List.of("name=apparmor", "name=seccomp,profile=builtin",
                            "name=cgroupns")))
                    .put("Swarm", Obj.struct().put("NodeID", "").put("NodeAddr", "").put("LocalNodeState", "inactive")
                            .put("ControlAvailable", JsonValue.of(false)).put("Error", "")
                            .put("RemoteManagers", new JsonValue.Null()).build())
                    .put("Warnings", new JsonValue.Null()).build());
        });
        call.response.json(200, json);
    }

    private static JsonValue pairs(List<List<String>> rows) {
        return new JsonValue.Arr(rows.stream().map(JsonValue::ofStrings).toList());
    }

    /** {@code docker system df}: moby's DiskUsage, whose numbers the CLI adds up itself. */
    static void diskUsage(ApiCall call) throws IOException {
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(DiskUsage.of(sandbox))));
    }
}
