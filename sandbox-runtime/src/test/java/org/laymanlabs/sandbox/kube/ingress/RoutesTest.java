package org.laymanlabs.sandbox.kube.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ingress-nginx's choice of location")
class RoutesTest {

    static Ingress ingress() {
        IngressBuilder b = new IngressBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().addNewRule().withHost("shop.example.com").withNewHttp()
                .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("home")
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .addNewPath().withPath("/api").withPathType("Prefix").withNewBackend().withNewService().withName("api")
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .addNewPath().withPath("/api/v2").withPathType("Prefix").withNewBackend().withNewService().withName("v2")
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .addNewPath().withPath("/login").withPathType("Exact").withNewBackend().withNewService().withName("login")
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .addNewPath().withPath("/img").withPathType("ImplementationSpecific").withNewBackend().withNewService()
                .withName("img").withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
                .endHttp().endRule()
                .addNewRule().withHost("*.example.com").withNewHttp()
                .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService().withName("wild")
                .withNewPort().withNumber(80).endPort().endService().endBackend().endPath().endHttp().endRule()
                .endSpec();
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} goes to {2}")
    @CsvSource({
            "shop.example.com, /, default-home-80",
            "shop.example.com, /cart, default-home-80",
            "shop.example.com, /api, default-api-80",
            "shop.example.com, /api/orders, default-api-80",
            "shop.example.com, /apiary, default-home-80",
            "shop.example.com, /api/v2/orders, default-v2-80",
            "shop.example.com, /login, default-login-80",
            "shop.example.com, /login/again, default-home-80",
            "shop.example.com, /imgs, default-img-80",
            "SHOP.example.com:30080, /api, default-api-80",
            "blog.example.com, /, default-wild-80",
            "a.b.example.com, /, none",
            "other.org, /, none",
    })
    void picksTheServerByHostThenTheExactOrLongestPath(String host, String path, String upstream) {
        Optional<Routes.Route> route = Routes.of(List.of(ingress()), List.of(), List.of()).match(host, path);

        assertThat(route.map(Routes.Route::upstream).orElse("none")).isEqualTo(upstream);
    }
}
