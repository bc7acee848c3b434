package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

/**
 * Refused network commands: Docker 28's words (moby daemon/container_operations.go,
 * runconfig/errors.go, libnetwork network.go, docker/cli network/create.go), status 1, and
 * nothing changed: the networks, the containers and the host's rules are as before.
 */
@DisplayName("Refused network commands say what Docker says and change nothing")
class NetworkErrorsTest {

    private final LaptopSandbox laptop = new LaptopSandbox();
    private String web;
    private String networksBefore;
    private String psBefore;
    private String rulesBefore;

    @BeforeEach
    void webOnFrontAndAnEmptyBack() {
        laptop.ok("docker network create front");
        laptop.ok("docker network create back");
        laptop.ok("docker run -d -p 8080:80 --name web --network front nginx");
        laptop.ok("docker run --name done busybox true");
        web = laptop.sandbox.containers().containers().get("web").id();
        networksBefore = laptop.ok("docker network ls");
        psBefore = laptop.ok("docker ps -a");
        rulesBefore = laptop.ok("iptables-save");
    }

    private void assertRefused(String command, String stderr) {
        assertThat(laptop.run(command)).isEqualTo(new CommandResult("", stderr + "\n", 1));
        assertThat(laptop.ok("docker network ls")).isEqualTo(networksBefore);
        assertThat(laptop.ok("docker ps -a")).isEqualTo(psBefore);
        assertThat(laptop.ok("iptables-save")).isEqualTo(rulesBefore);
    }

    @Test
    void connectingToAnUnknownNetworkSaysItIsNotFoundBeforeLookingAtTheContainer() {
        assertRefused("docker network connect nope web", "Error response from daemon: network nope not found");
        assertRefused("docker network connect nope nobody", "Error response from daemon: network nope not found");
    }

    @Test
    void connectingAnUnknownContainerSaysThereIsNoSuchContainer() {
        assertRefused("docker network connect back nobody", "Error response from daemon: No such container: nobody");
    }

    @Test
    void connectingARunningContainerTwiceSaysItsEndpointAlreadyExists() {
        assertRefused("docker network connect front web",
                "Error response from daemon: endpoint with name web already exists in network front");
    }

    @Test
    void connectingToTheHostNetworkIsAConflict() {
        assertRefused("docker network connect host web",
                "Error response from daemon: container cannot be disconnected from host network or connected to host network");
    }

    @Test
    void connectingToNoneIsRefusedForAContainerWithOtherNetworks() {
        assertRefused("docker network connect none web", "Error response from daemon: container cannot be connected"
                + " to multiple networks with one of the networks in private (none) mode");
    }

    @Test
    void disconnectingARunningContainerFromANetworkItIsNotOnNamesTheContainerById() {
        assertRefused("docker network disconnect back web",
                "Error response from daemon: container " + web + " is not connected to network back");
    }

    @Test
    void disconnectingAStoppedContainerFromANetworkItIsNotOnSaysTheNetwork() {
        String done = laptop.sandbox.containers().containers().get("done").id();

        assertRefused("docker network disconnect back done",
                "Error response from daemon: container " + done + " is not connected to the network back");
    }

    @Test
    void disconnectLooksTheContainerUpBeforeTheNetwork() {
        assertRefused("docker network disconnect nope nobody", "Error response from daemon: No such container: nobody");
        assertRefused("docker network disconnect nope web", "Error response from daemon: network nope not found");
    }

    @Test
    void connectTakesExactlyTwoArguments() {
        CommandResult result = laptop.run("docker network connect back");

        assertThat(result.stderr()).startsWith("docker: 'docker network connect' requires 2 arguments");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void onlyTheBridgeDriverCreatesNetworks() {
        assertRefused("docker network create -d overlay ov", "Error response from daemon: This node is not a swarm"
                + " manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
        assertRefused("docker network create --driver host h2",
                "Error response from daemon: only one instance of \"host\" network is allowed");
        assertRefused("docker network create -d bogus b2",
                "Error response from daemon: could not find plugin bogus in v1 plugin registry: plugin not found");
        assertRefused("docker network create -d macvlan m1", "Error response from daemon: the sandbox's engine"
                + " supports the bridge driver only; \"macvlan\" networks are not available here");
    }

    @Test
    void aGatewayNeedsASubnet() {
        assertRefused("docker network create --gateway 10.1.0.1 lab",
                "every ip-range or gateway must have a corresponding subnet");
    }

    @Test
    void aSubnetMustNotOverlapAnotherNetworks() {
        assertRefused("docker network create --subnet 172.18.5.0/24 lab",
                "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space");
        assertRefused("docker network create --subnet 172.0.0.0/8 lab",
                "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space");
    }

    @Test
    void theGatewayMustLieInTheSubnet() {
        assertRefused("docker network create --subnet 10.1.0.0/24 --gateway 10.2.0.1 lab",
                "Error response from daemon: invalid gateway 10.2.0.1: it must be in subnet 10.1.0.0/24");
    }

    @Test
    void aSubnetIsWrittenAsItsNetworkAddress() {
        assertRefused("docker network create --subnet 10.1.0.7/24 lab",
                "Error response from daemon: invalid subnet 10.1.0.7/24: it should be 10.1.0.0/24");
    }

    @Test
    void aNameInUseIsAConflict() {
        assertRefused("docker network create --subnet 10.1.0.0/24 front",
                "Error response from daemon: network with name front already exists");
    }
}
