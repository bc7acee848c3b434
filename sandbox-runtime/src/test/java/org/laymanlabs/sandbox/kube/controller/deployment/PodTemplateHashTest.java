package org.laymanlabs.sandbox.kube.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {

    /** CoreDNS's template as DnsAddon writes it, its maps filled in the order given. */
    private static PodTemplateSpec template(List<String> labelOrder, List<String> resourceOrder) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> values = Map.of("k8s-app", "kube-dns", "tier", "dns", "pod-template-generation", "1");
        labelOrder.forEach(key -> labels.put(key, values.get(key)));
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> amounts = Map.of("cpu", new Quantity("100m"), "memory", new Quantity("70Mi"));
        resourceOrder.forEach(key -> requests.put(key, amounts.get(key)));
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("coredns").withImage("registry.k8s.io/coredns/coredns:v1.11.3")
                .withNewResources().withRequests(requests).endResources().endContainer().endSpec().build();
    }

    @Test
    void theSameTemplateHasTheSameHashWhateverOrderItsMapsWereFilledIn() {
        String hash = PodTemplateHash.of(template(List.of("k8s-app", "tier", "pod-template-generation"), List.of("cpu", "memory")), null);

        assertThat(PodTemplateHash.of(template(List.of("tier", "pod-template-generation", "k8s-app"), List.of("memory", "cpu")), null))
                .isEqualTo(hash);
        assertThat(PodTemplateHash.of(template(List.of("pod-template-generation", "k8s-app", "tier"), List.of("cpu", "memory")), null))
                .isEqualTo(hash);
    }

    @Test
    void aCollisionCountGivesAnotherHash() {
        PodTemplateSpec template = template(List.of("k8s-app"), List.of("cpu"));

        assertThat(PodTemplateHash.of(template, 1)).isNotEqualTo(PodTemplateHash.of(template, null));
    }
}
