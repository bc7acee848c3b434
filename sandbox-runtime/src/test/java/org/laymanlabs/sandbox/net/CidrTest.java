package org.laymanlabs.sandbox.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void addressesRoundTripAsDottedQuads() {
        assertThat(Ipv4Address.parse("255.0.10.1")).hasToString("255.0.10.1");
        assertThat(Ipv4Address.parse("10.244.10.2").compareTo(Ipv4Address.parse("10.244.2.2"))).isPositive();
    }

    @Test
    void malformedAddressesAreRefusedWithTheirText() {
        for (String bad : new String[] {"10.0.0", "10.0.0.256", "a.b.c.d", "10..0.1", "1.2.3.4.5", "1.2.3.0004"}) {
            assertThatThrownBy(() -> Ipv4Address.parse(bad)).hasMessage("invalid IPv4 address \"" + bad + "\"");
        }
    }

    @Test
    void aPrefixContainsExactlyItsAddresses() {
        Cidr pods = Cidr.parse("10.244.0.0/16");

        assertThat(pods.contains(Ipv4Address.parse("10.244.255.7"))).isTrue();
        assertThat(pods.contains(Ipv4Address.parse("10.245.0.1"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(Ipv4Address.parse("8.8.8.8"))).isTrue();
    }

    @Test
    void anInterfaceAddressKeepsItsHostBitsButItsNetworkDropsThem() {
        Cidr eth0 = Cidr.parse("172.17.0.2/16");

        assertThat(eth0).hasToString("172.17.0.2/16");
        assertThat(eth0.network()).hasToString("172.17.0.0/16");
        assertThat(eth0.nth(1)).hasToString("172.17.0.1");
        assertThat(Cidr.parse("10.96.0.10")).hasToString("10.96.0.10/32");
    }

    @Test
    void badPrefixesAreRefused() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).isInstanceOf(IllegalArgumentException.class);
    }
}
