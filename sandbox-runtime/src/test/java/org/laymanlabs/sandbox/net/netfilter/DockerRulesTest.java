package org.laymanlabs.sandbox.net.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Docker's port publishing rules of FIDELITY.md §2 (moby usernet-portmap.md), bridge1 = 192.0.2.0/24. */
@DisplayName("Docker port-publishing rules")
class DockerRulesTest {

    private static final String RULES = """
            *raw
            -A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP
            COMMIT
            *filter
            :DOCKER - [0:0]
            :DOCKER-USER - [0:0]
            :DOCKER-FORWARD - [0:0]
            :DOCKER-CT - [0:0]
            :DOCKER-BRIDGE - [0:0]
            -A FORWARD -j DOCKER-USER
            -A FORWARD -j DOCKER-FORWARD
            -A DOCKER-FORWARD -j DOCKER-CT
            -A DOCKER-FORWARD -j DOCKER-BRIDGE
            -A DOCKER-FORWARD -i bridge1 -j ACCEPT
            -A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
            -A DOCKER-BRIDGE -o bridge1 -j DOCKER
            -A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT
            -A DOCKER ! -i bridge1 -o bridge1 -j DROP
            COMMIT
            *nat
            :DOCKER - [0:0]
            -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
            -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
            -A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
            -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
            -A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
            COMMIT
            """;

    private final NodeNamespace host = host();

    private static NodeNamespace host() {
        NodeNamespace host = new NodeNamespace(5, "203.0.113.5", "192.0.2.1")
                .route("192.0.2.0/24", "bridge1", "192.0.2.1")
                .route("0.0.0.0/0", "eth0", "203.0.113.5");
        host.restore(RULES);
        return host;
    }

    @Test
    void aPublishedPortIsDnattedToTheContainerAndAllowedThroughDockerChains() {
        NodeNamespace.Delivery delivery = host.receive(PacketHeader.tcp("198.51.100.7", 50000, "203.0.113.5", 8080), "eth0");

        assertThat(delivery.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(delivery.header()).isEqualTo(PacketHeader.tcp("198.51.100.7", 50000, "192.0.2.2", 80));
        assertThat(delivery.chainsWalked()).contains("nat:DOCKER:ACCEPT", "filter:DOCKER:ACCEPT");
    }

    @Test
    void otherPortsOfTheContainerAreDroppedFromOutside() {
        NodeNamespace.Delivery delivery = host.receive(PacketHeader.tcp("198.51.100.7", 50000, "192.0.2.2", 22), "eth0");

        assertThat(delivery.verdict()).isEqualTo(Verdict.DROP);
        assertThat(delivery.chainsWalked()).contains("raw:PREROUTING:DROP");
    }

    @Test
    void containerTrafficToTheInternetIsMasqueradedAndItsRepliesComeBack() {
        NodeNamespace.Delivery out = host.receive(PacketHeader.tcp("192.0.2.2", 41000, "93.184.216.34", 443), "bridge1");
        assertThat(out.header().source()).hasToString("203.0.113.5");

        NodeNamespace.Delivery back = host.receive(out.header().reply(), "eth0");

        assertThat(back.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(back.header().destination()).hasToString("192.0.2.2");
        assertThat(back.chainsWalked()).contains("filter:DOCKER-CT:ACCEPT");
    }
}
