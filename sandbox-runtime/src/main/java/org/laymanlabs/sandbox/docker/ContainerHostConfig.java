package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerSpec;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * A container's HostConfig as Docker 28 prints it. Mirrors moby api/types/container/hostconfig.go
 * (HostConfig with Resources embedded, in field order) holding what docker/cli 28's
 * cli/command/container/opts.go sends for a plain {@code docker run} and the defaults the daemon
 * adds on a cgroup v2 host: an empty list where the CLI sends one ({@code Dns}, the Blkio lists,
 * {@code Devices}, {@code Ulimits}), null where it sends nothing, and {@code OomKillDisable}
 * dropped to null because cgroup v2 cannot honour it.
 */
final class ContainerHostConfig {

    private static final JsonValue NULL = new JsonValue.Null();
    private static final JsonValue EMPTY_LIST = new JsonValue.Arr(List.of());

    /** moby oci/defaults.go: paths a container cannot read, then paths it cannot write. */
    private static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/interrupts",
            "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
            "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");
    private static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    /** The daemon's default --default-shm-size, 64 MiB. */
    private static final long SHM_SIZE = 64L * 1024 * 1024;

    private ContainerHostConfig() {
    }

    static Obj of(Container c) {
        ContainerSpec spec = c.spec();
        Obj.Builder out = Obj.struct()
                .put("Binds", spec.volumes().isEmpty() ? NULL : JsonValue.ofStrings(spec.volumes()))
                .put("ContainerIDFile", "")
                .put("LogConfig", Obj.struct().put("Type", "json-file").put("Config", Obj.map().build()).build())
                .put("NetworkMode", networkName(spec))
                .put("PortBindings", portBindings(spec))
                .put("RestartPolicy", Obj.struct().put("Name", spec.restartPolicy().name().text())
                        .put("MaximumRetryCount", spec.restartPolicy().maximumRetryCount()).build())
                .put("AutoRemove", JsonValue.of(spec.autoRemove()))
                .put("VolumeDriver", "")
                .put("VolumesFrom", NULL)
                // The CLI sends the terminal's size; the sandbox's terminal has none to report.
                .put("ConsoleSize", new JsonValue.Arr(List.of(JsonValue.of(0), JsonValue.of(0))))
                .put("CapAdd", NULL).put("CapDrop", NULL)
                .put("CgroupnsMode", "private")
                .put("Dns", EMPTY_LIST).put("DnsOptions", EMPTY_LIST).put("DnsSearch", EMPTY_LIST)
                .put("ExtraHosts", NULL).put("GroupAdd", NULL)
                .put("IpcMode", "private")
                .put("Cgroup", "")
                .put("Links", NULL)
                .put("OomScoreAdj", 0)
                .put("PidMode", "")
                .put("Privileged", JsonValue.of(false))
                .put("PublishAllPorts", JsonValue.of(false))
                .put("ReadonlyRootfs", JsonValue.of(false))
                .put("SecurityOpt", NULL)
                .put("UTSMode", "").put("UsernsMode", "")
                .put("ShmSize", SHM_SIZE)
                .put("Runtime", "runc")
                .put("Isolation", "");
        resources(out);
        return out.put("MaskedPaths", JsonValue.ofStrings(MASKED_PATHS))
                .put("ReadonlyPaths", JsonValue.ofStrings(READONLY_PATHS)).build();
    }

    /** The embedded Resources struct: no limits asked for. */
    private static void resources(Obj.Builder out) {
        out.put("CpuShares", 0).put("Memory", 0).put("NanoCpus", 0)
                .put("CgroupParent", "")
                .put("BlkioWeight", 0)
                .put("BlkioWeightDevice", EMPTY_LIST)
                .put("BlkioDeviceReadBps", EMPTY_LIST).put("BlkioDeviceWriteBps", EMPTY_LIST)
                .put("BlkioDeviceReadIOps", EMPTY_LIST).put("BlkioDeviceWriteIOps", EMPTY_LIST)
                .put("CpuPeriod", 0).put("CpuQuota", 0)
                .put("CpuRealtimePeriod", 0).put("CpuRealtimeRuntime", 0)
                .put("CpusetCpus", "").put("CpusetMems", "")
                .put("Devices", EMPTY_LIST)
                .put("DeviceCgroupRules", NULL).put("DeviceRequests", NULL)
                .put("MemoryReservation", 0).put("MemorySwap", 0)
                .put("MemorySwappiness", NULL).put("OomKillDisable", NULL).put("PidsLimit", NULL)
                .put("Ulimits", EMPTY_LIST)
                .put("CpuCount", 0).put("CpuPercent", 0)
                .put("IOMaximumIOps", 0).put("IOMaximumBandwidth", 0);
    }

    /** The daemon stores the CLI's {@code default} as the network it stands for on Linux. */
    static String networkName(ContainerSpec spec) {
        return spec.networkMode().equals("default") ? "bridge" : spec.networkMode();
    }

    /** What was asked for with {@code -p}, grouped by container port: an empty HostPort when the daemon is to pick one. */
    private static Obj portBindings(ContainerSpec spec) {
        Map<String, List<JsonValue>> byPort = new LinkedHashMap<>();
        for (PortMapping p : spec.ports()) {
            byPort.computeIfAbsent(p.containerKey(), k -> new ArrayList<>()).add(Obj.struct().put("HostIp", p.hostIp())
                    .put("HostPort", p.hostPort() == 0 ? "" : Integer.toString(p.hostPort())).build());
        }
        Obj.Builder bindings = Obj.map();
        byPort.forEach((port, list) -> bindings.put(port, new JsonValue.Arr(list)));
        return bindings.build();
    }
}
