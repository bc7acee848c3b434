package org.laymanlabs.sandbox.net.iproute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.CurrentNamespace;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.net.ipv4.Pinger;
import org.laymanlabs.sandbox.net.ping.PingCommand;
import org.laymanlabs.sandbox.net.trace.TraceCommand;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * A learner builds flannel's overlay by hand with {@code ip link add … type vxlan} and
 * {@code bridge fdb append}, the way the kernel documentation and flannel itself do it. Formats
 * were taken from iproute2 6.1 on Linux 6.18 (a vxlan device in a scratch namespace).
 */
@DisplayName("A VXLAN overlay built from the shell")
class VxlanByHandTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(7));
    private final NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(8));
    private final Ipv4Stack stack = new Ipv4Stack(network, netfilters);
    private final CurrentNamespace current = new CurrentNamespace(network.createNamespace("laptop", false));
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(
            new IpCommand(network, current),
            new BridgeCommand(network, current),
            new PingCommand(new Pinger(stack), clock, current, HostResolver.LITERALS_ONLY),
            new TraceCommand(new Connector(stack, new SplittableRandom(9), clock), current, HostResolver.LITERALS_ONLY)));

    private void run(String... lines) {
        for (String line : lines) {
            CommandResult result = shell.run(line);
            assertThat(result.exitCode()).as(line + " " + result.stderr()).isZero();
        }
    }

    private void twoNodesWithATunnel() {
        run("ip netns add node1", "ip netns add node2",
                "ip link add eth0 netns node1 type veth peer name eth0 netns node2",
                "ip -n node1 addr add 10.0.0.1/24 dev eth0", "ip -n node1 link set eth0 up",
                "ip -n node2 addr add 10.0.0.2/24 dev eth0", "ip -n node2 link set eth0 up");
        for (int n = 1; n <= 2; n++) {
            String node = "ip -n node" + n + " ";
            run(node + "link add vxlan0 type vxlan id 42 dstport 4789 local 10.0.0." + n + " dev eth0 nolearning",
                    node + "addr add 10.10.0." + n + "/24 dev vxlan0",
                    node + "link set vxlan0 up",
                    "bridge -n node" + n + " fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.0." + (3 - n));
        }
    }

    @Test
    void ipDetailsShowTheTunnelsSettingsAsIproute2Does() {
        run("ip netns add node1", "ip link add eth0 netns node1 type veth peer name eth1",
                "ip -n node1 addr add 10.0.0.1/24 dev eth0",
                "ip -n node1 link add vxlan0 type vxlan id 42 dstport 4789 local 10.0.0.1 dev eth0 nolearning");

        String shown = shell.run("ip -n node1 -d link show vxlan0").stdout();

        assertThat(shown).matches("""
                3: vxlan0: <BROADCAST,MULTICAST> mtu 1450 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                    link/ether ..:..:..:..:..:.. brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535\\s
                    vxlan id 42 local 10.0.0.1 dev eth0 srcport 0 0 dstport 4789 nolearning ttl auto ageing 300 udpcsum \
                noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 \
                gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536\\s
                """);
    }

    @Test
    void withoutADestinationPortIproute2WarnsAndTheKernelUses8472() {
        run("ip netns add node1");

        CommandResult added = shell.run("ip -n node1 link add vx1 type vxlan id 1");

        assertThat(added.stderr()).startsWith("vxlan: destination port not specified\n");
        assertThat(shell.run("ip -n node1 -d link show vx1").stdout())
                .contains("    vxlan id 1 srcport 0 0 dstport 8472 ttl auto")
                .contains("mtu 1500 ");
    }

    @Test
    void badVxlanOptionsAreRefusedAndCreateNothing() {
        run("ip netns add node1");

        assertThat(shell.run("ip -n node1 link add vx1 type vxlan dstport 4789"))
                .isEqualTo(CommandResult.error("vxlan: missing virtual network identifier\n", 1));
        assertThat(shell.run("ip -n node1 link add vx1 type vxlan id 99999999"))
                .isEqualTo(CommandResult.error("Error: argument \"99999999\" is wrong: invalid id\n", 255));
        assertThat(shell.run("ip -n node1 link add vx1 type vxlan id 1 dstport 70000"))
                .isEqualTo(CommandResult.error("Error: argument \"70000\" is wrong: dst port\n", 255));
        assertThat(shell.run("ip -n node1 link add vx1 type vxlan id 1 dev nope"))
                .isEqualTo(CommandResult.error("Cannot find device \"nope\"\n", 255));
        assertThat(shell.run("ip -n node1 link add vx1 type vxlan id 1 bogus").stderr())
                .startsWith("vxlan: unknown command \"bogus\"?\nUsage: ... vxlan id VNI\n");
        assertThat(shell.run("ip -n node1 link show vx1").exitCode()).isEqualTo(1);
    }

    @Test
    void bridgeFdbListsTheTunnelsForwardingEntries() {
        twoNodesWithATunnel();
        run("bridge -n node1 fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.3",
                "bridge -n node1 fdb add 0a:58:0a:f4:01:00 dev vxlan0 dst 10.0.0.4");

        assertThat(shell.run("bridge -n node1 fdb show dev vxlan0").stdout()).isEqualTo("""
                0a:58:0a:f4:01:00 dst 10.0.0.4 self permanent
                00:00:00:00:00:00 dst 10.0.0.2 self permanent
                00:00:00:00:00:00 dst 10.0.0.3 self permanent
                """);
        run("bridge -n node1 fdb del 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.3");
        assertThat(shell.run("bridge -n node1 fdb show").stdout()).isEqualTo("""
                33:33:00:00:00:01 dev eth0 self permanent
                0a:58:0a:f4:01:00 dev vxlan0 dst 10.0.0.4 self permanent
                00:00:00:00:00:00 dev vxlan0 dst 10.0.0.2 self permanent
                """);
    }

    @Test
    void bridgeFdbRefusesWhatTheRealOneRefuses() {
        twoNodesWithATunnel();

        assertThat(shell.run("bridge -n node1 fdb add 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.9"))
                .isEqualTo(CommandResult.error("RTNETLINK answers: File exists\n", 255));
        assertThat(shell.run("bridge -n node1 fdb del 0a:58:0a:f4:01:09 dev vxlan0 dst 10.0.0.4"))
                .isEqualTo(CommandResult.error("RTNETLINK answers: No such file or directory\n", 255));
        assertThat(shell.run("bridge -n node1 fdb add 0a:58:0a:f4:01:00 dev nope dst 10.0.0.4"))
                .isEqualTo(CommandResult.error("Cannot find device \"nope\"\n", 255));
        assertThat(shell.run("bridge -n node1 fdb add zz dev vxlan0 dst 10.0.0.4"))
                .isEqualTo(CommandResult.error("Invalid mac address zz\n", 255));
        assertThat(shell.run("bridge -n node1 fdb add 0a:58:0a:f4:01:01 dst 10.0.0.4"))
                .isEqualTo(CommandResult.error("Device and address are required arguments.\n", 255));
        assertThat(shell.run("bridge -n node1 fdb frob"))
                .isEqualTo(CommandResult.error("Command \"frob\" is unknown, try \"bridge fdb help\".\n", 255));
        assertThat(shell.run("bridge foo"))
                .isEqualTo(CommandResult.error("Object \"foo\" is unknown, try \"bridge help\".\n", 255));
        assertThat(shell.run("bridge -n node1 fdb show dev vxlan0").stdout())
                .isEqualTo("00:00:00:00:00:00 dst 10.0.0.2 self permanent\n");
    }

    @Test
    void packetsCrossTheTunnelTheFdbPointsAt() {
        twoNodesWithATunnel();

        assertThat(shell.run("ip netns exec node1 ping -c 1 10.10.0.2").stdout())
                .contains("64 bytes from 10.10.0.2: icmp_seq=1 ttl=64");
        assertThat(shell.run("ip netns exec node1 trace 10.10.0.2:80").stdout()).contains(
                "node1  VXLAN vxlan0 (VNI 42) wraps it in udp 10.0.0.1:",
                " -> 10.0.0.2:4789",
                "node2  VXLAN vxlan0 (VNI 42) unwraps the inner packet");
    }

    @Test
    void withoutAForwardingEntryTheTunnelDropsTheFrame() {
        twoNodesWithATunnel();
        run("bridge -n node1 fdb del 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.2");

        assertThat(shell.run("ip netns exec node1 ping -c 1 10.10.0.2").stdout()).contains("1 packets transmitted, 0 received");
    }
}
