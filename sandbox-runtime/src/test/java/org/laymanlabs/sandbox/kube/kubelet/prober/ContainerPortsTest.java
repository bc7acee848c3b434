package org.laymanlabs.sandbox.kube.kubelet.prober;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import org.junit.jupiter.api.Test;

/** pkg/probe/util.go ResolveContainerPort, with Go's errors. */
class ContainerPortsTest {

    private final Container web = new ContainerBuilder().withName("web").addNewPort().withName("http").withContainerPort(8080).endPort()
            .build();

    @Test
    void aNumberIsThePortAndANameIsLookedUpInTheContainersPorts() {
        assertThat(resolve(new IntOrString(9090))).isEqualTo("9090");
        assertThat(resolve(new IntOrString("http"))).isEqualTo("8080");
        assertThat(resolve(new IntOrString("8081"))).as("an int stored as a string").isEqualTo("8081");
    }

    @Test
    void anUndeclaredNameOrAPortOutOfRangeIsAnError() {
        assertThat(resolve(new IntOrString("metrics"))).isEqualTo("strconv.Atoi: parsing \"metrics\": invalid syntax");
        assertThat(resolve(new IntOrString(0))).isEqualTo("invalid port number: 0");
        assertThat(resolve(new IntOrString(70000))).isEqualTo("invalid port number: 70000");
        assertThat(resolve(new IntOrString("99999999999999999999"))).isEqualTo(
                "strconv.Atoi: parsing \"99999999999999999999\": value out of range");
    }

    private String resolve(IntOrString port) {
        ContainerPorts.Resolved resolved = ContainerPorts.resolve(port, web);
        return resolved.error().orElse(String.valueOf(resolved.port()));
    }
}
