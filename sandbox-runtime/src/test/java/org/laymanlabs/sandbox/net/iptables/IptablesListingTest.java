package org.laymanlabs.sandbox.net.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.netfilter.Packet;
import org.laymanlabs.sandbox.net.netfilter.PacketHeader;

@DisplayName("iptables changes and lists rules")
class IptablesListingTest {

    private static final String COLUMNS = "target     prot opt source               destination         \n";
    private static final String VERBOSE_COLUMNS =
            " pkts bytes target     prot opt in     out     source               destination         \n";

    private final Sandbox sandbox = new Sandbox();

    @BeforeEach
    void rules() {
        sandbox.ok("iptables -N KUBE-FOO");
        sandbox.ok("iptables -A INPUT -s 10.0.0.0/8 -p tcp --dport 80 -m comment --comment \"web in\" -j ACCEPT");
        sandbox.ok("iptables -A INPUT -j KUBE-FOO");
        sandbox.ok("iptables -A KUBE-FOO ! -i eth0 -j DROP");
    }

    @Test
    void listsWithTheRealColumnLayout() {
        assertThat(sandbox.ok("iptables -L -n")).isEqualTo(String.join("",
                "Chain INPUT (policy ACCEPT)\n", COLUMNS,
                "ACCEPT     tcp  --  10.0.0.0/8           0.0.0.0/0            tcp dpt:80 /* web in */\n",
                "KUBE-FOO   all  --  0.0.0.0/0            0.0.0.0/0           \n",
                "\n",
                "Chain FORWARD (policy ACCEPT)\n", COLUMNS,
                "\n",
                "Chain OUTPUT (policy ACCEPT)\n", COLUMNS,
                "\n",
                "Chain KUBE-FOO (1 references)\n", COLUMNS,
                "DROP       all  --  0.0.0.0/0            0.0.0.0/0           \n"));
    }

    @Test
    void withoutDashNItPrintsAnywhereAndServiceNames() {
        assertThat(sandbox.ok("iptables -L INPUT")).contains(
                "ACCEPT     tcp  --  10.0.0.0/8           anywhere             tcp dpt:http /* web in */\n");
    }

    @Test
    void verboseListingShowsCountersInterfacesAndPolicyCounters() {
        for (int i = 0; i < 3; i++) {
            sandbox.netfilter.hook(Hook.INPUT, Packet.of(PacketHeader.udp("192.168.1.1", 1000 + i, "192.168.1.2", 53))
                    .arrivingOn("eth1").withLength(100));
        }

        assertThat(sandbox.ok("iptables -L KUBE-FOO -n -v --line-numbers")).isEqualTo(String.join("",
                "Chain KUBE-FOO (1 references)\n",
                "num  ", VERBOSE_COLUMNS,
                "1        3   300 DROP       all  --  !eth0  *       0.0.0.0/0            0.0.0.0/0           \n"));
        assertThat(sandbox.ok("iptables -nvxL INPUT")).startsWith("Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n"
                + "    pkts      bytes target     prot opt in     out     source               destination         \n"
                + "       0        0 ACCEPT     tcp  --  *      *       10.0.0.0/8           0.0.0.0/0            tcp dpt:80 /* web in */\n");
    }

    @Test
    void listsRulesAsCommands() {
        assertThat(sandbox.ok("iptables -S")).isEqualTo("""
                -P INPUT ACCEPT
                -P FORWARD ACCEPT
                -P OUTPUT ACCEPT
                -N KUBE-FOO
                -A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -m comment --comment "web in" -j ACCEPT
                -A INPUT -j KUBE-FOO
                -A KUBE-FOO ! -i eth0 -j DROP
                """);
        assertThat(sandbox.ok("iptables -S INPUT 2")).isEqualTo("-A INPUT -j KUBE-FOO\n");
    }

    @Test
    void insertsReplacesAndDeletesByNumberOrBySpecification() {
        sandbox.ok("iptables -I INPUT -p udp --sport 53 -j ACCEPT");
        sandbox.ok("iptables -I INPUT 4 -j LOG --log-prefix \"in: \"");
        sandbox.ok("iptables -R INPUT 2 -s 10.0.0.0/8 -j RETURN");
        sandbox.ok("iptables -D INPUT -j KUBE-FOO");

        assertThat(sandbox.ok("iptables -S INPUT")).isEqualTo("""
                -P INPUT ACCEPT
                -A INPUT -p udp -m udp --sport 53 -j ACCEPT
                -A INPUT -s 10.0.0.0/8 -j RETURN
                -A INPUT -j LOG --log-prefix "in: "
                """);

        sandbox.ok("iptables -D INPUT 1");
        assertThat(sandbox.ok("iptables -S INPUT")).doesNotContain("--sport 53");
    }

    @Test
    void flushesDeletesChainsZeroesCountersAndSetsPolicies() {
        sandbox.netfilter.hook(Hook.INPUT, Packet.of(PacketHeader.udp("1.1.1.1", 1, "2.2.2.2", 2)).arrivingOn("eth1"));
        sandbox.ok("iptables -Z");
        assertThat(sandbox.ok("iptables -L KUBE-FOO -v -x -n")).contains("       0        0 DROP");

        sandbox.ok("iptables -F");
        sandbox.ok("iptables -X KUBE-FOO");
        sandbox.ok("iptables -P FORWARD DROP");

        assertThat(sandbox.ok("iptables -S")).isEqualTo("-P INPUT ACCEPT\n-P FORWARD DROP\n-P OUTPUT ACCEPT\n");
    }

    @Test
    void checkSucceedsSilentlyForAnExistingRule() {
        assertThat(sandbox.run("iptables -C KUBE-FOO ! -i eth0 -j DROP").exitCode()).isZero();
    }

    @Test
    void normalisesMarkSpellingsAndKeepsStatisticProbabilityAsStored() {
        sandbox.ok("iptables -t mangle -N M");
        for (String mark : List.of("--or-mark 0x4000", "--xor-mark 0x4000", "--and-mark 0xff", "--set-mark 0x10/0xf0")) {
            sandbox.ok("iptables -t mangle -A M -j MARK " + mark);
        }
        sandbox.ok("iptables -t mangle -A M -m statistic --mode random --probability 0.3333333333 -j ACCEPT");

        assertThat(sandbox.ok("iptables -t mangle -S M")).isEqualTo("""
                -N M
                -A M -j MARK --set-xmark 0x4000/0x4000
                -A M -j MARK --set-xmark 0x4000/0x0
                -A M -j MARK --set-xmark 0x0/0xffffff00
                -A M -j MARK --set-xmark 0x10/0xf0
                -A M -m statistic --mode random --probability 0.33333333349 -j ACCEPT
                """);
        assertThat(sandbox.ok("iptables -t mangle -L M -n")).contains(" MARK or 0x4000\n", " MARK xor 0x4000\n",
                " MARK and 0xff\n", " MARK xset 0x10/0xf0\n", " statistic mode random probability 0.33333333349\n");
    }
}
