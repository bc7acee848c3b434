package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.net.Link;
import org.laymanlabs.sandbox.net.NetworkNamespace;

/**
 * docker network connect and disconnect through the real stack: a second veth (eth1) on the other
 * bridge, an address from that network's IPAM, its embedded DNS, and Docker 28's bridge
 * isolation (the DOCKER chain's "! -i br -o br -j DROP") once the interface is gone again.
 */
@DisplayName("docker network connect and disconnect")
class NetworkConnectTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @BeforeEach
    void anApiOnBackAndAWebServerOnFront() {
        laptop.ok("docker network create front");
        laptop.ok("docker network create back");
        laptop.ok("docker run -d --name api --network back hashicorp/http-echo -text=api");
        laptop.ok("docker run -d --name web --network front nginx");
    }

    @Test
    void aContainerOnAnotherNetworkIsNeitherFoundByNameNorReachedByAddress() {
        assertThat(laptop.run("docker exec web curl -s api:5678").exitCode()).isEqualTo(6);
        assertThat(laptop.run("docker exec web curl -s --max-time 2 172.19.0.2:5678").exitCode()).isEqualTo(28);
    }

    @Test
    void afterConnectTheContainerReachesTheOtherNetworksContainersByNameThroughEth1() {
        assertThat(laptop.run("docker network connect back web").stdout()).isEmpty();

        assertThat(laptop.ok("docker exec web curl -s api:5678")).isEqualTo("api\n");
        assertThat(laptop.ok("docker exec web curl -s 172.19.0.2:5678")).isEqualTo("api\n");
        assertThat(web().link("eth1")).isPresent();
        assertThat(web().routes()).anyMatch(r -> r.device().equals("eth1") && r.destination().toString().equals("172.19.0.0/16"));
        assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.Networks.back.IPAddress}}' web")).isEqualTo("172.19.0.3\n");
        assertThat(laptop.ok("docker network inspect -f '{{range .Containers}}{{.Name}}={{.IPv4Address}} {{end}}' back"))
                .isEqualTo(laptop.sandbox.containers().containers().get("api").id()
                        .compareTo(laptop.sandbox.containers().containers().get("web").id()) < 0
                        ? "api=172.19.0.2/16 web=172.19.0.3/16 \n" : "web=172.19.0.3/16 api=172.19.0.2/16 \n");
    }

    @Test
    void theOtherNetworksContainersFindTheNewcomerByNameToo() {
        laptop.ok("docker run -d --name client --network back nginx");
        assertThat(laptop.run("docker exec client curl -s web").exitCode()).isEqualTo(6);

        laptop.ok("docker network connect back web");

        assertThat(laptop.ok("docker exec client curl -s web")).contains("Welcome to nginx!");
    }

    @Test
    void afterDisconnectEth1IsGoneAndTheOtherNetworkIsUnreachableAgain() {
        laptop.ok("docker network connect back web");
        laptop.ok("docker network disconnect back web");

        assertThat(laptop.run("docker exec web curl -s api:5678").exitCode()).isEqualTo(6);
        assertThat(laptop.run("docker exec web curl -s --max-time 2 172.19.0.2:5678").exitCode()).isEqualTo(28);
        assertThat(web().link("eth1")).isEmpty();
        assertThat(web().links().stream().map(Link::name)).containsExactlyInAnyOrder("lo", "eth0");
        assertThat(laptop.ok("docker exec web curl -s localhost")).contains("Welcome to nginx!");
        assertThat(laptop.ok("docker network inspect -f '{{len .Containers}}' back")).isEqualTo("1\n");
    }

    @Test
    void theAddressGoesBackToThePoolOnDisconnect() {
        laptop.ok("docker network connect back web");
        laptop.ok("docker network disconnect back web");
        laptop.ok("docker network connect back web");

        assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.Networks.back.IPAddress}}' web")).isEqualTo("172.19.0.3\n");
    }

    @Test
    void aContainerCanLeaveItsFirstNetworkAndKeepTheSecond() {
        laptop.ok("docker network connect back web");
        laptop.ok("docker network disconnect front web");

        assertThat(web().link("eth0")).isEmpty();
        assertThat(laptop.ok("docker exec web curl -s api:5678")).isEqualTo("api\n");
        assertThat(web().routes()).anyMatch(r -> r.isDefault() && r.device().equals("eth1")
                && r.via().map(Object::toString).orElse("").equals("172.19.0.1"));
        assertThat(laptop.ok("docker network inspect -f '{{len .Containers}}' front")).isEqualTo("0\n");
    }

    @Test
    void aStoppedContainerJoinsTheNetworkWhenItStarts() {
        laptop.ok("docker stop web");
        laptop.ok("docker network connect back web");
        laptop.ok("docker network connect back web");
        laptop.ok("docker start web");

        assertThat(laptop.ok("docker exec web curl -s api:5678")).isEqualTo("api\n");
        assertThat(web().links().stream().map(Link::name)).containsExactlyInAnyOrder("lo", "eth0", "eth1");
    }

    @Test
    void aConnectionMadeWhileRunningSurvivesARestart() {
        laptop.ok("docker network connect back web");
        laptop.ok("docker restart web");

        assertThat(laptop.ok("docker exec web curl -s api:5678")).isEqualTo("api\n");
    }

    @Test
    void aStoppedContainerDisconnectedBeforeStartingStaysOffTheNetwork() {
        laptop.ok("docker network connect back web");
        laptop.ok("docker stop web");
        laptop.ok("docker network disconnect back web");
        laptop.ok("docker start web");

        assertThat(laptop.run("docker exec web curl -s api:5678").exitCode()).isEqualTo(6);
    }

    @Test
    void aContainerStartedWithANetworkIdCanBeDisconnectedByTheNetworksName() {
        String back = laptop.sandbox.containers().networks().find("back").id();
        laptop.ok("docker create --name late --network " + back.substring(0, 12) + " nginx");
        laptop.ok("docker network disconnect back late");
        laptop.ok("docker start late");

        assertThat(laptop.ok("docker network inspect -f '{{len .Containers}}' back")).isEqualTo("1\n");
    }

    private NetworkNamespace web() {
        Container web = laptop.sandbox.containers().containers().get("web");
        return web.namespace().orElseThrow();
    }
}
