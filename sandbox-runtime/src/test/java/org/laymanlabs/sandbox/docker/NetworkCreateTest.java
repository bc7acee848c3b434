package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docker network create with --subnet and --gateway: the bridge, the rules and the addresses containers get. */
@DisplayName("docker network create honours the IPAM flags")
class NetworkCreateTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Test
    void theBridgeTakesTheGatewayAndContainersTheLowestFreeAddressOfTheSubnet() {
        String bridge = "br-" + laptop.ok("docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 -d bridge lab")
                .substring(0, 12);
        laptop.ok("docker run -d --name web --network lab nginx");
        laptop.ok("docker run -d --name client --network lab nginx");

        assertThat(laptop.ok("ip addr show " + bridge)).contains("inet 10.10.0.254/24 brd 10.10.0.255 scope global " + bridge);
        assertThat(laptop.ok("docker inspect -f '{{.NetworkSettings.Networks.lab.IPAddress}}' web")).isEqualTo("10.10.0.1\n");
        assertThat(laptop.ok("iptables-save -t nat")).contains("-A POSTROUTING -s 10.10.0.0/24 ! -o " + bridge + " -j MASQUERADE");
        assertThat(laptop.ok("docker exec client curl -s web")).contains("Welcome to nginx!");
        assertThat(laptop.sandbox.containers().containers().get("web").namespace().orElseThrow().routes())
                .anyMatch(r -> r.isDefault() && r.via().map(Object::toString).orElse("").equals("10.10.0.254"));
    }

    @Test
    void withoutAGatewayIpamTakesTheSubnetsFirstAddress() {
        laptop.ok("docker network create --subnet 192.168.50.0/24 lab");

        assertThat(laptop.ok("docker network inspect -f '{{range .IPAM.Config}}{{.Gateway}}{{end}}' lab"))
                .isEqualTo("192.168.50.1\n");
    }

    @Test
    void theDefaultPoolsSkipASubnetAUserAlreadyTook() {
        laptop.ok("docker network create --subnet 172.18.0.0/16 mine");
        laptop.ok("docker network create other");

        assertThat(laptop.ok("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' other"))
                .isEqualTo("172.19.0.0/16\n");
    }

    @Test
    void theDefaultPoolsSkipASubnetTheHostAlreadyRoutes() {
        laptop.ok("ip route add 172.18.0.0/16 via 192.168.1.1");
        laptop.ok("docker network create lab");
        assertThat(laptop.ok("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' lab")).isEqualTo("172.19.0.0/16\n");
    }
}
