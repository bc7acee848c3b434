package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Three nginx containers from one image, reached through the real network stack")
class ContainerScenarioTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    private void runThreeWebServers() {
        laptop.ok("docker pull nginx");
        laptop.ok("docker run -d -p 8080:80 --name web1 nginx");
        laptop.advance(Duration.ofSeconds(30));
        laptop.ok("docker run -d -p 8081:80 --name web2 nginx");
        laptop.advance(Duration.ofSeconds(30));
        laptop.ok("docker run -d -p 8082:80 --name web3 nginx");
        laptop.advance(Duration.ofMinutes(2));
    }

    @Test
    void eachPublishedPortReachesItsOwnNginxFromTheLaptop() {
        runThreeWebServers();
        laptop.ok("docker exec web2 sh -c 'echo hello from web2 > /usr/share/nginx/html/index.html'");

        assertThat(laptop.ok("curl -s localhost:8080")).contains("<title>Welcome to nginx!</title>");
        assertThat(laptop.ok("curl -s localhost:8081")).isEqualTo("hello from web2\n");
        assertThat(laptop.ok("curl -s 192.168.1.20:8082")).contains("Welcome to nginx!");
        assertThat(laptop.ok("curl -s 172.17.0.3")).isEqualTo("hello from web2\n");
        // The laptop's own address stays the source: OUTPUT DNAT rewrites only the destination.
        assertThat(laptop.ok("docker logs web3")).contains(
                "192.168.1.20 - - [12/Jun/2025:10:03:00 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"curl/7.88.1\" \"-\"\n");
    }

    @Test
    void psListsThemNewestFirstWithTheirPorts() {
        runThreeWebServers();

        assertThat(laptop.ok("docker ps")).isEqualTo("""
                CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                     NAMES
                %s   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8082->80/tcp, [::]:8082->80/tcp   web3
                %s   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8081->80/tcp, [::]:8081->80/tcp   web2
                %s   nginx     "/docker-entrypoint.…"   3 minutes ago   Up 3 minutes   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web1
                """.formatted(shortId("web3"), shortId("web2"), shortId("web1")));
    }

    @Test
    void inspectGivesEachContainerTheNextAddressOnDocker0() {
        runThreeWebServers();

        assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.IPAddress}}' web1 web2 web3"))
                .isEqualTo("172.17.0.2\n172.17.0.3\n172.17.0.4\n");
        assertThat(laptop.ok("docker inspect -f '{{.State.Status}} {{.HostConfig.NetworkMode}} {{.Name}}' web1"))
                .isEqualTo("running bridge /web1\n");
    }

    @Test
    void theNatTableHoldsDockersExactRules() {
        runThreeWebServers();

        assertThat(laptop.ok("iptables-save -t nat")).contains("""
                :DOCKER - [0:0]
                -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
                -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
                -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
                -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
                -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172.17.0.3:80
                -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8082 -j DNAT --to-destination 172.17.0.4:80
                COMMIT
                """);
        assertThat(laptop.ok("iptables-save -t filter")).contains("""
                -A DOCKER -d 172.17.0.4/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
                -A DOCKER -d 172.17.0.3/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
                -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
                -A DOCKER ! -i docker0 -o docker0 -j DROP
                """);
    }

    @Test
    void aRequestToThePublishedPortCrossesTheDnatRule() {
        runThreeWebServers();

        laptop.ok("curl -s 192.168.1.20:8081");

        assertThat(laptop.ok("iptables -t nat -L DOCKER -v -n -x"))
                .containsPattern("(?m)^ +1 +60 DNAT .*tcp dpt:8081 to:172.17.0.3:80$");
    }

    @Test
    void removingAContainerTakesItsRulesAndAddressAway() {
        runThreeWebServers();

        laptop.ok("docker rm -f web2");
        laptop.ok("docker run -d --name web4 nginx");

        assertThat(laptop.ok("iptables-save -t nat")).doesNotContain("8081");
        assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.IPAddress}}' web4")).isEqualTo("172.17.0.3\n");
        assertThat(laptop.run("curl -s localhost:8081").exitCode()).isEqualTo(7);
    }

    private String shortId(String name) {
        return laptop.sandbox.containers().containers().get(name).shortId();
    }
}
