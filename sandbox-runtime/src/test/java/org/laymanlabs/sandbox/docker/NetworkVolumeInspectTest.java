package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

/**
 * docker network inspect and docker volume inspect against files written by hand from Docker
 * Engine 28's JSON on Linux (API 1.50 network.Inspect and volume.Volume, four-space indent), with
 * the sandbox's seeded IDs and MAC filled in. A user network's Options is {} on a plain engine;
 * the enable_ipv4/enable_ipv6 options some outputs show come from Docker Desktop's
 * default-network-opts.
 */
@DisplayName("network and volume inspect print what Docker 28 prints")
class NetworkVolumeInspectTest {

    private final LaptopSandbox laptop = new LaptopSandbox();

    @Test
    void theDefaultBridgeShowsDocker0sSubnetAndTheBridgeDriversOptions() {
        assertThat(laptop.ok("docker network inspect bridge")).isEqualTo(golden("network-inspect-bridge"));
    }

    @Test
    void aUserNetworkListsItsContainerWithEndpointMacAndAddressWithPrefix() {
        laptop.ok("docker network create mynet");
        laptop.ok("docker run -d --name web --network mynet nginx");

        assertThat(laptop.ok("docker network inspect mynet")).isEqualTo(golden("network-inspect-mynet-with-web"));
    }

    @Test
    void aVolumeMadeByVolumeCreateHasEmptyLabelsAndOptions() {
        laptop.ok("docker volume create data");

        assertThat(laptop.ok("docker volume inspect data")).isEqualTo(golden("volume-inspect-data"));
    }

    @Test
    void aVolumeMadeByDashVHasNullLabelsAndOptions() {
        laptop.ok("docker run --name writer -v cache:/cache busybox true");

        assertThat(laptop.ok("docker volume inspect -f '{{json .Labels}} {{json .Options}} {{.Mountpoint}}' cache"))
                .isEqualTo("null null /var/lib/docker/volumes/cache/_data\n");
    }

    @Test
    void formatRunsTheTemplateOncePerNetworkInTheOrderGiven() {
        laptop.ok("docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 lab");

        assertThat(laptop.ok("docker network inspect --format '{{.Name}} {{.Driver}} {{.EnableIPv4}}' lab host none"))
                .isEqualTo("lab bridge true\nhost host false\nnone null false\n");
        assertThat(laptop.ok("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' lab"))
                .isEqualTo("10.10.0.0/24 10.10.0.254\n");
    }

    @Test
    void anUnknownNetworkPrintsAnEmptyArrayAndTheDaemonsErrorWithStatus1() {
        assertThat(laptop.run("docker network inspect nope"))
                .isEqualTo(new CommandResult("[]\n", "Error response from daemon: network nope not found\n", 1));
    }

    @Test
    void theNetworksFoundArePrintedEvenWhenAnotherIsUnknown() {
        CommandResult result = laptop.run("docker network inspect -f '{{.Name}}' bridge nope host");

        assertThat(result).isEqualTo(new CommandResult("bridge\nhost\n",
                "Error response from daemon: network nope not found\n", 1));
    }

    @Test
    void anUnknownVolumePrintsAnEmptyArrayAndTheDaemonsErrorWithStatus1() {
        assertThat(laptop.run("docker volume inspect nope"))
                .isEqualTo(new CommandResult("[]\n", "Error response from daemon: get nope: no such volume\n", 1));
    }

    @Test
    void inspectWithoutANameIsAUsageError() {
        CommandResult result = laptop.run("docker volume inspect");

        assertThat(result.stderr()).startsWith("docker: 'docker volume inspect' requires at least 1 argument\n\n"
                + "Usage:  docker volume inspect [OPTIONS] VOLUME [VOLUME...]\n");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    private static String golden(String name) {
        try (InputStream in = NetworkVolumeInspectTest.class.getResourceAsStream(name + ".golden")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
