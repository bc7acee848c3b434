package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Containers on docker0, user networks, host and none")
class ContainerNetworkingTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Test
    void containersOnAUserNetworkFindEachOtherByName() {
        String id = laptop.ok("docker network create mynet").strip();
        laptop.ok("docker run -d --name echo --network mynet hashicorp/http-echo -text=hello");
        laptop.ok("docker run -d --name client --network mynet nginx");

        assertThat(laptop.ok("docker exec client curl -s echo:5678")).isEqualTo("hello\n");
        assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.Networks.mynet.IPAddress}}' echo")).isEqualTo("172.18.0.2\n");
        assertThat(laptop.ok("ip link show br-" + id.substring(0, 12))).contains("state UP");
    }

    @Test
    void theDefaultBridgeHasNoNameResolution() {
        laptop.ok("docker run -d --name echo hashicorp/http-echo -text=hello");
        laptop.ok("docker run -d --name client nginx");

        assertThat(laptop.run("docker exec client curl -s echo:5678").exitCode()).isEqualTo(6);
        assertThat(laptop.ok("docker exec client curl -s 172.17.0.2:5678")).isEqualTo("hello\n");
    }

    @Test
    void networkLsListsTheThreeBuiltInNetworksAndTheUsersOwn() {
        laptop.ok("docker network create mynet");
        var networks = laptop.sandbox.containers().networks();

        assertThat(laptop.ok("docker network ls")).isEqualTo("""
                NETWORK ID     NAME      DRIVER    SCOPE
                %s   bridge    bridge    local
                %s   host      host      local
                %s   mynet     bridge    local
                %s   none      null      local
                """.formatted(networks.find("bridge").shortId(), networks.find("host").shortId(),
                networks.find("mynet").shortId(), networks.find("none").shortId()));
    }

    @Test
    void aNetworkWithContainersCannotBeRemoved() {
        laptop.ok("docker network create mynet");
        laptop.ok("docker run -d --name web --network mynet nginx");

        assertThat(laptop.run("docker network rm mynet").stderr())
                .startsWith("Error response from daemon: error while removing network: network mynet has active endpoints");
        assertThat(laptop.run("docker network rm bridge").stderr())
                .isEqualTo("Error response from daemon: bridge is a pre-defined network and cannot be removed\n");
    }

    @Test
    void aContainerWithNetworkNoneReachesNothing() {
        laptop.ok("docker run -d --name web nginx");
        laptop.ok("docker run -d --name isolated --network none nginx");

        assertThat(laptop.run("docker exec isolated curl -s 172.17.0.2").exitCode()).isEqualTo(7);
        assertThat(laptop.ok("docker exec isolated curl -s localhost")).contains("Welcome to nginx!");
        assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.IPAddress}}' isolated")).isEqualTo("\n");
    }

    @Test
    void aContainerWithNetworkHostListensInTheLaptopsNamespace() {
        laptop.ok("docker run -d --name echo --network host hashicorp/http-echo -text=on-the-host");

        assertThat(laptop.ok("curl -s localhost:5678")).isEqualTo("on-the-host\n");
        assertThat(laptop.ok("iptables-save -t nat")).doesNotContain("5678");
    }

    @Test
    void docker0IsUpWithCarrierOnceAContainerJoinsIt() {
        laptop.ok("docker run -d nginx");

        assertThat(laptop.ok("ip link show docker0")).doesNotContain("NO-CARRIER").contains("state UP");
    }

    @Test
    void aNamedVolumeOutlivesItsContainerAndShowsInSystemDf() {
        laptop.ok("docker run --name writer -v data:/data busybox sh -c 'echo kept > /data/note'");
        laptop.ok("docker rm writer");

        assertThat(laptop.ok("docker run --rm -v data:/data busybox cat /data/note")).isEqualTo("kept\n");
        assertThat(laptop.ok("docker volume ls")).isEqualTo("DRIVER    VOLUME NAME\nlocal     data\n");
        assertThat(laptop.ok("docker system df")).contains("Local Volumes   1         0         5B        5B (100%)");
    }

    @Test
    void redisAnswersRedisCliInsideItsContainer() {
        laptop.ok("docker run -d --name cache redis");

        assertThat(laptop.ok("docker exec cache redis-cli PING")).isEqualTo("PONG\n");
        assertThat(laptop.ok("docker exec cache redis-cli SET greeting hello")).isEqualTo("OK\n");
        assertThat(laptop.ok("docker exec cache redis-cli GET greeting")).isEqualTo("hello\n");
    }

    @Test
    void pythonServesItsWorkingDirectory() {
        laptop.ok("docker run -d -p 8000:8000 --name py -w /etc python:3.12-slim python3 -m http.server");

        assertThat(laptop.ok("curl -s localhost:8000/debian_version")).isEqualTo("12.11\n");
        assertThat(laptop.ok("curl -sI localhost:8000/nope")).startsWith("HTTP/1.0 404 File not found\r\n"
                + "Server: SimpleHTTP/0.6 Python/3.12.11\r\n");
    }
}
