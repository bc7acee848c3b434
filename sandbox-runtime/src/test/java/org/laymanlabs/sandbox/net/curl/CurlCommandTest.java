package org.laymanlabs.sandbox.net.curl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.Cidr;
import org.laymanlabs.sandbox.net.InterfaceAddress;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.RouteScope;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.HookResult;
import org.laymanlabs.sandbox.net.ipv4.HookVerdict;
import org.laymanlabs.sandbox.net.ipv4.Ipv4Stack;
import org.laymanlabs.sandbox.net.ipv4.NetfilterHooks;
import org.laymanlabs.sandbox.net.netfilter.Hook;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;

/** Expected texts follow curl 7.88.1 as it printed them against real servers on this machine. */
@DisplayName("curl")
class CurlCommandTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private final VirtualClock clock = new VirtualClock(START);
    private final Network network = new Network(new SplittableRandom(2));
    private final Map<NetworkNamespace, NetfilterHooks> rules = new HashMap<>();
    private final NetworkNamespace laptop = network.createNamespace("laptop", false);
    private final NetworkNamespace server = network.createNamespace("server", false);
    private final CommandLineShell shell;

    CurlCommandTest() {
        laptop.setUp(laptop.requireLink("lo"), true);
        server.setUp(server.requireLink("lo"), true);
        Link end = network.addVethPair(laptop, "veth0", server, "eth0");
        laptop.addAddress(end, InterfaceAddress.withBroadcast(Cidr.parse("10.0.0.1/24"), RouteScope.GLOBAL));
        laptop.setUp(end, true);
        Link eth0 = server.requireLink("eth0");
        server.addAddress(eth0, InterfaceAddress.withBroadcast(Cidr.parse("10.0.0.2/24"), RouteScope.GLOBAL));
        server.setUp(eth0, true);
        server.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 80, "web", (request, peer) ->
                request.startsWith("GET /missing") ? page(404, "Not Found", "no such page\n")
                        : page(200, "OK", "hello from " + peer.address() + "\n")));
        server.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 6379, "redis-server", (r, p) -> "-ERR wrong\r\n"));
        server.sockets().listen(new Listener(Protocol.TCP, Ipv4Address.ANY, 9000, "mute", (r, p) -> ""));
        Ipv4Stack stack = new Ipv4Stack(network, ns -> rules.getOrDefault(ns, NetfilterHooks.ACCEPT_ALL));
        HostResolver hosts = name -> name.equals("web.local") ? Optional.of(Ipv4Address.parse("10.0.0.2")) : Optional.empty();
        shell = CommandLineShell.withBuiltinsAnd(List.of(
                new CurlCommand(new Connector(stack, new SplittableRandom(9), clock), clock, () -> laptop, hosts)));
    }

    private static String page(int status, String reason, String body) {
        return HttpResponse.of(status, reason, List.of(new HttpResponse.Header("Server", "nginx/1.27.2"),
                new HttpResponse.Header("Content-Type", "text/plain")), body).toWire();
    }

    @Nested
    @DisplayName("when the server answers")
    class Answers {

        @Test
        void printsTheBodyAndNothingElse() {
            assertThat(shell.run("curl http://10.0.0.2/")).isEqualTo(CommandResult.ok("hello from 10.0.0.1\n"));
        }

        @Test
        void findsTheServerByNameAndWithoutAScheme() {
            assertThat(shell.run("curl web.local").stdout()).isEqualTo("hello from 10.0.0.1\n");
        }

        @Test
        void verboseShowsTheConversationOnStderr() {
            CommandResult result = shell.run("curl -v http://10.0.0.2/");

            assertThat(result.stdout()).isEqualTo("hello from 10.0.0.1\n");
            assertThat(result.stderr()).isEqualTo("""
                    *   Trying 10.0.0.2:80...
                    * Connected to 10.0.0.2 (10.0.0.2) port 80 (#0)
                    > GET / HTTP/1.1
                    > Host: 10.0.0.2
                    > User-Agent: curl/7.88.1
                    > Accept: */*
                    > \n\
                    < HTTP/1.1 200 OK
                    < Server: nginx/1.27.2
                    < Content-Type: text/plain
                    < Content-Length: 20
                    < \n\
                    * Connection #0 to host 10.0.0.2 left intact
                    """);
        }

        @Test
        void includeAndHeadPrintTheHeaderBlock() {
            String headers = "HTTP/1.1 200 OK\r\nServer: nginx/1.27.2\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\n";

            assertThat(shell.run("curl -i 10.0.0.2").stdout()).isEqualTo(headers + "hello from 10.0.0.1\n");
            assertThat(shell.run("curl -I 10.0.0.2").stdout()).isEqualTo(headers);
        }

        @Test
        void writeOutReportsTheStatusAndWhoAnswered() {
            CommandResult result = shell.run("curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\\n' 10.0.0.2");

            assertThat(result).isEqualTo(CommandResult.ok("200 10.0.0.2:80\n"));
        }

        @Test
        void outputGoesIntoAFileInTheWorkspace() {
            assertThat(shell.run("curl -s -o page.txt 10.0.0.2")).isEqualTo(CommandResult.ok(""));
            assertThat(shell.run("cat page.txt").stdout()).isEqualTo("hello from 10.0.0.1\n");
            assertThat(shell.run("curl -o nodir/page.txt 10.0.0.2")).isEqualTo(CommandResult.error(
                    "Warning: Failed to open the file nodir/page.txt: No such file or directory\n"
                            + "curl: (23) Failure writing output to destination\n", 23));
            assertThat(shell.run("curl -s -o nodir/page.txt 10.0.0.2")).isEqualTo(CommandResult.error("", 23));
        }

        @Test
        void anUnknownWriteOutVariableIsWarnedAboutAndSkipped() {
            CommandResult result = shell.run("curl -s -o /dev/null -w '%{foo}\\n' 10.0.0.2");

            assertThat(result).isEqualTo(new CommandResult("\n", "curl: unknown --write-out variable: 'foo'\n", 0));
        }

        @Test
        void failTurnsAnHttpErrorIntoExitCode22() {
            assertThat(shell.run("curl -f 10.0.0.2/missing"))
                    .isEqualTo(CommandResult.error("curl: (22) The requested URL returned error: 404\n", 22));
            assertThat(shell.run("curl -sf 10.0.0.2/missing")).isEqualTo(CommandResult.error("", 22));
            assertThat(shell.run("curl 10.0.0.2/missing")).isEqualTo(CommandResult.ok("no such page\n"));
        }

        @Test
        void somethingThatIsNotHttpIsRefusedAsHttp09() {
            assertThat(shell.run("curl 10.0.0.2:6379"))
                    .isEqualTo(CommandResult.error("curl: (1) Received HTTP/0.9 when not allowed\n", 1));
            assertThat(shell.run("curl 10.0.0.2:9000")).isEqualTo(CommandResult.error("curl: (52) Empty reply from server\n", 52));
        }
    }

    @Nested
    @DisplayName("when the connection fails")
    class Failures {

        @Test
        void aClosedPortIsRefusedAtOnce() {
            assertThat(shell.run("curl http://10.0.0.2:8080/")).isEqualTo(CommandResult.error(
                    "curl: (7) Failed to connect to 10.0.0.2 port 8080 after 0 ms: Couldn't connect to server\n", 7));
            assertThat(clock.now()).isEqualTo(START);
        }

        @Test
        void verboseSaysWhyTheConnectFailed() {
            assertThat(shell.run("curl -v 10.0.0.2:8080").stderr()).isEqualTo("""
                    *   Trying 10.0.0.2:8080...
                    * connect to 10.0.0.2 port 8080 failed: Connection refused
                    * Failed to connect to 10.0.0.2 port 8080 after 0 ms: Couldn't connect to server
                    * Closing connection 0
                    curl: (7) Failed to connect to 10.0.0.2 port 8080 after 0 ms: Couldn't connect to server
                    """);
        }

        @Test
        void withoutARouteItFailsAtOnce() {
            assertThat(shell.run("curl 8.8.8.8").stderr())
                    .isEqualTo("curl: (7) Failed to connect to 8.8.8.8 port 80 after 0 ms: Couldn't connect to server\n");
        }

        @Test
        void aDroppedPacketWaitsForTheKernelToGiveUp() {
            rules.put(server, (hook, ns, skb) -> hook == Hook.INPUT
                    ? new HookResult(new HookVerdict.Drop("filter INPUT -j DROP"), List.of()) : HookResult.ACCEPTED);

            CommandResult result = shell.run("curl 10.0.0.2");

            assertThat(result).isEqualTo(CommandResult.error(
                    "curl: (28) Failed to connect to 10.0.0.2 port 80 after 127000 ms: Couldn't connect to server\n", 28));
            assertThat(clock.now()).isEqualTo(START.plus(Duration.ofSeconds(127)));
        }

        @Test
        void maxTimeAndConnectTimeoutCutTheWaitShort() {
            rules.put(server, (hook, ns, skb) -> new HookResult(new HookVerdict.Drop("DROP"), List.of()));

            assertThat(shell.run("curl -m 2 10.0.0.2").stderr()).isEqualTo("curl: (28) Connection timed out after 2000 milliseconds\n");
            assertThat(shell.run("curl --connect-timeout 1.5 10.0.0.2").stderr()).isEqualTo(
                    "curl: (28) Failed to connect to 10.0.0.2 port 80 after 1500 ms: Timeout was reached\n");
            assertThat(clock.now()).isEqualTo(START.plusMillis(3500));
        }

        @Test
        void anAddressNobodyAnswersForFailsOnceArpGivesUp() {
            assertThat(shell.run("curl -v 10.0.0.77").stderr()).isEqualTo("""
                    *   Trying 10.0.0.77:80...
                    * connect to 10.0.0.77 port 80 failed: No route to host
                    * Failed to connect to 10.0.0.77 port 80 after 3000 ms: Couldn't connect to server
                    * Closing connection 0
                    curl: (7) Failed to connect to 10.0.0.77 port 80 after 3000 ms: Couldn't connect to server
                    """);
            assertThat(clock.now()).isEqualTo(START.plusSeconds(3));
        }

        @Test
        void anUnknownNameIsNotResolved() {
            assertThat(shell.run("curl http://nosuchhost/"))
                    .isEqualTo(CommandResult.error("curl: (6) Could not resolve host: nosuchhost\n", 6));
        }
    }

    @Nested
    @DisplayName("refuses a bad command line")
    class Usage {

        @Test
        void anUnknownOption() {
            assertThat(shell.run("curl --bogus 10.0.0.2")).isEqualTo(CommandResult.error(
                    "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2));
        }

        @Test
        void noUrl() {
            assertThat(shell.run("curl -s")).isEqualTo(CommandResult.error(
                    "curl: try 'curl --help' or 'curl --manual' for more information\n", 2));
        }

        @Test
        void aPortOutOfRange() {
            assertThat(shell.run("curl http://127.0.0.1:99999/"))
                    .isEqualTo(CommandResult.error("curl: (3) URL using bad/illegal format or missing URL\n", 3));
        }

        @Test
        void aProtocolItDoesNotSpeak() {
            assertThat(shell.run("curl https://10.0.0.2/").stderr())
                    .isEqualTo("curl: (1) Protocol \"https\" not supported or disabled in libcurl\n");
        }
    }
}
