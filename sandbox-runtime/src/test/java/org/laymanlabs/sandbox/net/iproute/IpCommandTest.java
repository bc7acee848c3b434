package org.laymanlabs.sandbox.net.iproute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.shell.CommandLineShell;

/**
 * The expected texts were printed by iproute2 6.1 on Linux 6.18 for the same commands in real
 * namespaces (only the random MAC addresses differ, so they are filled in from the model).
 */
@DisplayName("ip")
class IpCommandTest {

    private final Network network = new Network(new SplittableRandom(7));
    private NetworkNamespace host;
    private CommandLineShell shell;

    @BeforeEach
    void startWithAHostWhoseLoopbackIsUp() {
        host = network.createNamespace("host", false);
        host.setUp(host.requireLink("lo"), true);
        shell = CommandLineShell.withBuiltinsAnd(List.of(new IpCommand(network, () -> host)));
    }

    private String ok(String line) {
        CommandResult result = shell.run(line);
        assertThat(result.stderr()).as(line).isEmpty();
        assertThat(result.exitCode()).as(line).isZero();
        return result.stdout();
    }

    private String mac(String ns, String link) {
        return network.namespace(ns).orElseThrow().requireLink(link).mac().toString();
    }

    /** The topology of the real session: t2's eth0 is a veth whose peer veth-a lives in t1. */
    private void twoNamespacesJoinedByAVeth() {
        ok("ip netns add t1");
        ok("ip netns add t2");
        ok("ip -n t1 link set lo up");
        ok("ip -n t1 link add veth-a type veth peer name eth0 netns t2");
        ok("ip -n t1 addr add 10.0.0.1/24 dev veth-a");
        ok("ip -n t1 link set veth-a up");
        ok("ip -n t2 addr add 10.0.0.2/24 dev eth0");
        ok("ip -n t2 link set eth0 up");
        ok("ip -n t2 link set lo up");
        ok("ip -n t2 route add default via 10.0.0.1");
    }

    @Nested
    @DisplayName("shows devices and addresses as iproute2 does")
    class Show {

        @Test
        void aNewNamespaceHasOnlyADownLoopbackWithoutAnAddress() {
            ok("ip netns add red");

            assertThat(ok("ip -n red a")).isEqualTo("""
                    1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000
                        link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                    """);
        }

        @Test
        void vethEndsInTwoNamespacesNameEachOthersIndexAndNamespace() {
            twoNamespacesJoinedByAVeth();

            assertThat(ok("ip -n t2 addr")).isEqualTo("""
                    1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                        link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                        inet 127.0.0.1/8 scope host lo
                           valid_lft forever preferred_lft forever
                    2: eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
                        link/ether %s brd ff:ff:ff:ff:ff:ff link-netns t1
                        inet 10.0.0.2/24 scope global eth0
                           valid_lft forever preferred_lft forever
                    """.formatted(mac("t2", "eth0")));
        }

        @Test
        void withMinus4TheLinkLineIsLeftOutAndTheNamespaceJoinsTheFirstLine() {
            twoNamespacesJoinedByAVeth();
            ok("ip -n t2 addr add 10.0.0.9/24 dev eth0");

            assertThat(ok("ip -4 -n t2 addr show eth0")).isEqualTo("""
                    2: eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000 link-netns t1
                        inet 10.0.0.2/24 scope global eth0
                           valid_lft forever preferred_lft forever
                        inet 10.0.0.9/24 scope global secondary eth0
                           valid_lft forever preferred_lft forever
                    """);
        }

        @Test
        void aVethUpWhosePeerIsDownHasNoCarrier() {
            ok("ip link add v1 type veth");
            ok("ip link set v1 up");

            assertThat(ok("ip link show v1")).isEqualTo("""
                    3: v1@veth0: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group default qlen 1000
                        link/ether %s brd ff:ff:ff:ff:ff:ff
                    """.formatted(mac("host", "v1")));
            assertThat(ok("ip link show veth0")).startsWith(
                    "2: veth0@v1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n");
        }

        @Test
        void aBridgePortShowsItsMasterAndTheBridgeFollowsItsPorts() {
            ok("ip link add br1 type bridge");
            ok("ip link add v1 type veth");
            ok("ip link set v1 up");
            ok("ip link set v1 master br1");
            ok("ip link set br1 up");
            assertThat(ok("ip link show br1")).startsWith(
                    "2: br1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\n");

            ok("ip link set veth0 up");

            assertThat(ok("ip link show br1")).startsWith(
                    "2: br1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\n");
            assertThat(ok("ip link show v1")).startsWith(
                    "4: v1@veth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br1 state UP mode DEFAULT group default qlen 1000\n");
        }

        @Test
        void briefModeShowsOneLinePerDevice() {
            twoNamespacesJoinedByAVeth();
            ok("ip -n t2 link add br1 type bridge");

            assertThat(ok("ip -n t2 -br a")).isEqualTo("""
                    lo               UNKNOWN        127.0.0.1/8 \n\
                    eth0@if2         UP             10.0.0.2/24 \n\
                    br1              DOWN           \n\
                    """);
        }
    }

    @Nested
    @DisplayName("routes")
    class Routes {

        @Test
        void theKernelAddsAConnectedRoutePerAddressAndKeepsAddedOnesInFibOrder() {
            twoNamespacesJoinedByAVeth();
            ok("ip -n t2 link add br1 type bridge");
            ok("ip -n t2 link set br1 up");
            ok("ip -n t2 route add 10.5.0.0/16 dev br1");
            ok("ip -n t2 route add 10.6.0.0/16 via 10.0.0.1 metric 100");
            ok("ip -n t2 route add 10.6.0.0/16 via 10.0.0.1 metric 50");
            ok("ip -n t2 route add 10.96.0.10 dev eth0 src 10.0.0.2");

            assertThat(ok("ip -n t2 route")).isEqualTo("""
                    default via 10.0.0.1 dev eth0 \n\
                    10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2 \n\
                    10.5.0.0/16 dev br1 scope link \n\
                    10.6.0.0/16 via 10.0.0.1 dev eth0 metric 50 \n\
                    10.6.0.0/16 via 10.0.0.1 dev eth0 metric 100 \n\
                    10.96.0.10 dev eth0 scope link src 10.0.0.2 \n\
                    """);
        }

        @Test
        void theLocalTableHoldsTheNamespacesOwnAndBroadcastAddresses() {
            twoNamespacesJoinedByAVeth();

            assertThat(ok("ip -n t2 route show table local")).isEqualTo("""
                    local 10.0.0.2 dev eth0 proto kernel scope host src 10.0.0.2 \n\
                    broadcast 10.0.0.255 dev eth0 proto kernel scope link src 10.0.0.2 \n\
                    local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 \n\
                    local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 \n\
                    broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 \n\
                    """);
        }

        @Test
        void getShowsTheRouteTheKernelWouldPick() {
            twoNamespacesJoinedByAVeth();

            assertThat(ok("ip -n t2 route get 8.8.8.8")).isEqualTo("8.8.8.8 via 10.0.0.1 dev eth0 src 10.0.0.2 uid 0 \n    cache \n");
            assertThat(ok("ip -n t2 route get 10.0.0.7")).isEqualTo("10.0.0.7 dev eth0 src 10.0.0.2 uid 0 \n    cache \n");
            assertThat(ok("ip -n t2 route get 10.0.0.2")).isEqualTo("local 10.0.0.2 dev lo src 10.0.0.2 uid 0 \n    cache <local> \n");
            assertThat(ok("ip -n t2 route get 127.0.0.5")).isEqualTo("local 127.0.0.5 dev lo src 127.0.0.1 uid 0 \n    cache <local> \n");
        }

        @Test
        void takingADeviceDownRemovesItsRoutes() {
            twoNamespacesJoinedByAVeth();

            ok("ip -n t2 link set eth0 down");

            assertThat(ok("ip -n t2 route")).isEmpty();
        }
    }

    @Nested
    @DisplayName("refuses bad requests with iproute2's words and changes nothing")
    class Errors {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                ip -n t2 addr show dev eth9                      | Device "eth9" does not exist.                                       | 1
                ip -n t2 route add 10.1.0.0/16 via 10.9.9.9      | Error: Nexthop has invalid gateway.                                 | 2
                ip -n t2 route add default via 10.0.0.1          | RTNETLINK answers: File exists                                      | 2
                ip -n t2 link add                                | Not enough information: "type" argument is required                | 1
                ip -n t2 foo                                     | Object "foo" is unknown, try "ip help".                             | 1
                ip -n t2 addr add 10.0.0.300/24 dev eth0         | Error: any valid prefix is expected rather than "10.0.0.300/24".    | 1
                ip -n t2 addr add 10.0.0.2/24 dev eth0           | Error: ipv4: Address already assigned.                              | 2
                ip -n t1 route get 8.8.8.8                       | RTNETLINK answers: Network is unreachable                           | 2
                ip -n t2 link set eth0 bogus                     | Error: either "dev" is duplicate, or "bogus" is a garbage.          | 255
                ip -n t2 link set eth9 up                        | Cannot find device "eth9"                                           | 1
                ip -n t2 route add 10.2.0.0/16 dev eth9          | Cannot find device "eth9"                                           | 1
                ip -n t2 route del 10.7.0.0/16                   | RTNETLINK answers: No such process                                  | 2
                ip -n t2 link add eth0 type bridge               | RTNETLINK answers: File exists                                      | 2
                ip -n t2 link add x type foo                     | Error: Unknown device type.                                         | 2
                ip -n t2 addr add 10.0.0.5/24                    | Not enough information: "dev" argument is required.                 | 1
                ip -n t2 addr del 10.0.0.77/24 dev eth0          | Error: ipv4: Address not found.                                     | 2
                ip -n t2 route add 10.8.0.0/16                   | RTNETLINK answers: No such device                                   | 2
                ip -n t2 route add 10.8.0.0/16 via 10.0.0.1 dev lo | Error: Nexthop has invalid gateway.                               | 2
                ip netns add t1                                  | Cannot create namespace file "/run/netns/t1": File exists           | 1
                ip netns del nope                                | Cannot remove namespace file "/run/netns/nope": No such file or directory | 1
                ip -n nope link                                  | Cannot open network namespace "nope": No such file or directory    | 255
                ip -x link                                       | Option "-x" is unknown, try "ip -help".                             | 255
                ip link foo                                      | Command "foo" is unknown, try "ip link help".                       | 255
                ip route foo                                     | Command "foo" is unknown, try "ip route help".                      | 255
                ip -n t2 addr show dev                           | Command line is not complete. Try option "help"                     | 255
                ip -n t2 link add averyveryverylongname type bridge | Error: Attribute failed policy validation.                       | 2
                ip -n t2 route add 10.9.0.0/16 via 10.0.0.1 bogus | Error: either "to" is duplicate, or "bogus" is a garbage.          | 255
                ip -n t2 route add 10.9.0.0/16 via 10.0.0.300    | Error: inet address is expected rather than "10.0.0.300".           | 1
                """)
        void anInvalidRequest(String line, String message, int exitCode) {
            twoNamespacesJoinedByAVeth();
            String before = everything();

            CommandResult result = shell.run(line);

            assertThat(result.stderr()).isEqualTo(message + "\n");
            assertThat(result.exitCode()).isEqualTo(exitCode);
            assertThat(result.stdout()).isEmpty();
            assertThat(everything()).isEqualTo(before);
        }

        private String everything() {
            StringBuilder state = new StringBuilder(ok("ip netns"));
            for (String ns : List.of("t1", "t2")) {
                state.append(ok("ip -n " + ns + " addr")).append(ok("ip -n " + ns + " route"));
            }
            return state.toString();
        }

        @Test
        void withNoObjectItPrintsItsUsage() {
            CommandResult result = shell.run("ip");

            assertThat(result.stderr()).startsWith("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n");
            assertThat(result.exitCode()).isEqualTo(255);
        }
    }
}
