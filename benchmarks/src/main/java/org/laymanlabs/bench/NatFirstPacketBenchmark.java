package org.laymanlabs.bench;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.netfilter.HookResult;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.Packet;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of a new connection's first packet through a node's nat table (the PREROUTING hook,
 * where kube-proxy's KUBE-SERVICES chain is walked), for tables of about 100, 1,000 and 10,000
 * rules. The packet is for the last Service, the worst case of the linear walk kube-proxy's
 * iptables mode is known for in the kernel; the sandbox's chains index their rules by address and
 * port (ChainIndex), so here the Service's place should not matter. Goal (issue 11): at most
 * 50 µs median at 10,000 rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NatFirstPacketBenchmark {

    /** Services, at about five rules each: 20 ≈ 100 rules, 200 ≈ 1,000, 2,000 ≈ 10,000, 10,000 ≈ 50,000. */
    @Param({"20", "200", "2000", "10000"})
    int services;

    private Netfilter netfilter;
    private Packet template;
    private int sourcePort = 1024;

    @Setup
    public void loadRules() {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
        netfilter = new Netfilter(clock, new SplittableRandom(1));
        Workspace files = new Workspace();
        var shell = CommandLineShell.withBuiltinsAnd(List.of(new IptablesRestoreCommand(netfilter)), files);
        List<String> parts = KubeRules.parts(services, 1_500); // a workspace file holds at most 1 MiB
        for (int i = 0; i < parts.size(); i++) {
            files.write(Workspace.HOME + "/rules-" + i, parts.get(i));
            CommandResult restored = shell.run("iptables-restore --noflush < rules-" + i);
            if (restored.exitCode() != 0) {
                throw new IllegalStateException(restored.stderr());
            }
        }
        PacketHeader header = PacketHeader.tcp("10.244.200.7", 1024, KubeRules.clusterIp(services - 1), 80);
        template = Packet.of(header).arrivingOn("cni0").withLocalAddresses(Set.of(Ipv4Address.parse("10.0.0.11")));
    }

    @Benchmark
    public HookResult firstPacketOfANewConnection() {
        sourcePort = sourcePort == 65535 ? 1024 : sourcePort + 1;
        PacketHeader h = template.header();
        return netfilter.hook(Hook.PREROUTING, template.withHeader(h.withSource(h.source(), sourcePort)));
    }
}
