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
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NamespaceNetfilters;
import org.laymanlabs.sandbox.net.ipv4.Pinger;
import org.laymanlabs.sandbox.net.ping.PingCommand;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/** {@code ip netns exec NAME CMD…} runs the command inside the namespace, as iproute2's netns_exec does. */
@DisplayName("ip netns exec")
class NetnsExecTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final Network network = new Network(new SplittableRandom(7));
    private final NamespaceNetfilters netfilters = new NamespaceNetfilters(clock, new SplittableRandom(8));
    private final CurrentNamespace current = new CurrentNamespace(network.createNamespace("laptop", false));
    private final CommandLineShell shell = CommandLineShell.withBuiltinsAnd(List.of(
            new IpCommand(network, current),
            new IptablesCommand(() -> netfilters.of(current.get())),
            new PingCommand(new Pinger(new Ipv4Stack(network, netfilters)), clock, current, HostResolver.LITERALS_ONLY)));

    @Test
    void runsIpInsideTheNamespaceAndComesBackOut() {
        shell.run("ip netns add red");
        shell.run("ip netns exec red ip link set lo up");

        assertThat(shell.run("ip netns exec red ip -br addr").stdout()).isEqualTo("lo               UNKNOWN        127.0.0.1/8 \n");
        assertThat(shell.run("ip -br link").stdout()).startsWith("lo               DOWN");
    }

    @Test
    void iptablesAndPingActOnTheNamespacesOwnRules() {
        shell.run("ip netns add red");
        shell.run("ip netns exec red ip link set lo up");
        // Only NEW: a plain `-p icmp -j REJECT` would drop the returning error too, which is an ICMP packet.
        shell.run("ip netns exec red iptables -A INPUT -p icmp -m conntrack --ctstate NEW -j REJECT");

        assertThat(shell.run("iptables -S INPUT").stdout()).isEqualTo("-P INPUT ACCEPT\n");
        assertThat(shell.run("ip netns exec red ping -c 1 127.0.0.1").stdout())
                .contains("From 127.0.0.1 icmp_seq=1 Destination Port Unreachable");
        shell.run("ip netns exec red iptables -F");
        assertThat(shell.run("ip netns exec red ping -c 1 127.0.0.1").stdout())
                .contains("64 bytes from 127.0.0.1: icmp_seq=1 ttl=64");
    }

    @Test
    void refusesWhatIproute2Refuses() {
        shell.run("ip netns add red");

        assertThat(shell.run("ip netns exec blue ip a"))
                .isEqualTo(CommandResult.error("Cannot open network namespace \"blue\": No such file or directory\n", 255));
        assertThat(shell.run("ip netns exec")).isEqualTo(CommandResult.error("No netns name specified\n", 1));
        assertThat(shell.run("ip netns exec red")).isEqualTo(CommandResult.error("No command specified\n", 1));
        assertThat(shell.run("ip netns exec red frob"))
                .isEqualTo(CommandResult.error("exec of \"frob\" failed: No such file or directory\n", 1));
    }

    @Test
    void passesOnTheCommandsOwnExitStatus() {
        shell.run("ip netns add red");

        assertThat(shell.run("ip netns exec red ip link show nope"))
                .isEqualTo(CommandResult.error("Device \"nope\" does not exist.\n", 1));
    }
}
