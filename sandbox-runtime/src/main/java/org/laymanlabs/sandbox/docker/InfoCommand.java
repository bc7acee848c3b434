package org.laymanlabs.sandbox.docker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerStatus;

/**
 * {@code docker info}. Mirrors docker/cli cli/command/system/info.go's pretty printer: the client
 * this machine has, then the sandbox's engine: its container and image counts, storage and
 * logging drivers, plugins, runtimes, and the laptop it runs on.
 */
final class InfoCommand {

    private InfoCommand() {
    }

    static Subcommand create(Daemon daemon, ContainerEngine engine) {
        return new Subcommand("info [OPTIONS]", "Display system-wide information", List.of(),
                "docker system info, docker info",
                List.of(), ArgsRule.none(), 0, args -> run(daemon, engine));
    }

    private static CommandResult run(Daemon daemon, ContainerEngine engine) {
        List<Container> containers = engine.containers().all();
        long running = containers.stream().filter(c -> c.state().status() == ContainerStatus.RUNNING).count();
        long paused = containers.stream().filter(c -> c.state().status() == ContainerStatus.PAUSED).count();
        String id = UUID.nameUUIDFromBytes("laptop".getBytes(StandardCharsets.UTF_8)).toString();
        return CommandResult.ok("""
                Client:
                 Version:    %s
                 Context:    default
                 Debug Mode: false

                Server:
                 Containers: %d
                  Running: %d
                  Paused: %d
                  Stopped: %d
                 Images: %d
                 Server Version: %s
                 Storage Driver: overlay2
                  Backing Filesystem: extfs
                  Supports d_type: true
                  Using metacopy: false
                  Native Overlay Diff: true
                  userxattr: false
                 Logging Driver: json-file
                 Cgroup Driver: systemd
                 Cgroup Version: 2
                 Plugins:
                  Volume: local
                  Network: bridge host ipvlan macvlan null overlay
                  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
                 CDI spec directories:
                  /etc/cdi
                  /var/run/cdi
                 Swarm: inactive
                 Runtimes: io.containerd.runc.v2 runc
                 Default Runtime: runc
                 Init Binary: docker-init
                 containerd version: 05044ec0a9a75232cad458027ca83437aff3c4da
                 runc version: v1.2.5-0-g59923ef
                 init version: de40ad0
                 Security Options:
                  apparmor
                  seccomp
                   Profile: builtin
                  cgroupns
                 Kernel Version: 6.8.0-60-generic
                 Operating System: Ubuntu 24.04.2 LTS
                 OSType: linux
                 Architecture: x86_64
                 CPUs: 2
                 Total Memory: 7.755GiB
                 Name: laptop
                 ID: %s
                 Docker Root Dir: /var/lib/docker
                 Debug Mode: false
                 Experimental: false
                 Insecure Registries:
                  ::1/128
                  127.0.0.0/8
                 Live Restore Enabled: false

                """.formatted(VersionCommand.ENGINE_VERSION, containers.size(), running, paused,
                containers.size() - running - paused, daemon.images().images().size(), VersionCommand.ENGINE_VERSION, id));
    }
}
