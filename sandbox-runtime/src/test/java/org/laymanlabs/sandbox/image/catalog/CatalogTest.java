package org.laymanlabs.sandbox.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.laymanlabs.sandbox.image.ContainerUsage;
import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.Layer;
import org.laymanlabs.sandbox.image.Puller;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The preloaded catalog")
class CatalogTest {

    private final Catalog catalog = Catalog.shared();

    private Image image(String reference) {
        return catalog.image(reference).orElseThrow();
    }

    private static Set<Digest> chains(Image image) {
        Set<Digest> chains = new HashSet<>();
        image.layers().forEach(l -> chains.add(l.chainId()));
        return chains;
    }

    @Nested
    @DisplayName("shares layers as the real images do")
    class Sharing {

        @Test
        void nginxAndNginxAlpineShareNothing() {
            assertThat(chains(image("nginx"))).doesNotContainAnyElementsOf(chains(image("nginx:alpine")));
        }

        @Test
        void pythonAndUbuntuShareNothing() {
            assertThat(chains(image("python:3.12-slim"))).doesNotContainAnyElementsOf(chains(image("ubuntu:22.04")));
        }

        @Test
        void pythonRedisAndNginxShareTheirDebianBaseLayer() {
            Layer base = image("debian:bookworm-slim").layers().get(0);

            assertThat(image("nginx").layers().get(0)).isSameAs(base);
            assertThat(image("python:3.12-slim").layers().get(0)).isSameAs(base);
            assertThat(image("redis:7").layers().get(0)).isSameAs(base);
        }

        @Test
        void tagsOfTheSameReleaseNameTheSameImage() {
            assertThat(image("nginx:1.27").id()).isEqualTo(image("nginx:latest").id());
            assertThat(image("ubuntu").id()).isEqualTo(image("ubuntu:24.04").id());
            assertThat(image("busybox:1.36").id()).isNotEqualTo(image("busybox").id());
        }
    }

    @Nested
    @DisplayName("holds the real key files and configs")
    class Contents {

        @Test
        void nginxServesItsWelcomePageAndKeepsItsConfig() {
            Image nginx = image("nginx");

            assertThat(nginx.rootfs().read("/usr/share/nginx/html/index.html").orElseThrow())
                    .contains("<title>Welcome to nginx!</title>").hasSize(615);
            assertThat(nginx.rootfs().read("/etc/nginx/conf.d/default.conf").orElseThrow()).contains("listen       80;");
            assertThat(nginx.rootfs().read("/etc/os-release").orElseThrow()).contains("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"");
            assertThat(nginx.config().entrypoint()).containsExactly("/docker-entrypoint.sh");
            assertThat(nginx.config().cmd()).containsExactly("nginx", "-g", "daemon off;");
            assertThat(nginx.config().exposedPorts()).containsExactly("80/tcp");
            assertThat(nginx.config().stopSignal()).isEqualTo("SIGQUIT");
        }

        @Test
        void everyImageHasItsProgramsWhereTheRealOneHasThem() {
            assertThat(image("busybox").rootfs().exists("/bin/sh")).isTrue();
            assertThat(image("alpine").rootfs().read("/etc/os-release").orElseThrow()).contains("VERSION_ID=3.22.0");
            assertThat(image("alpine:3.20").rootfs().read("/etc/alpine-release")).contains("3.20.6\n");
            assertThat(image("ubuntu:22.04").rootfs().read("/etc/os-release").orElseThrow()).contains("Jammy Jellyfish");
            assertThat(image("python:3.12-slim").rootfs().exists("/usr/local/bin/python3")).isTrue();
            assertThat(image("redis").rootfs().exists("/usr/local/bin/redis-server")).isTrue();
            assertThat(image("hashicorp/http-echo").rootfs().exists("/http-echo")).isTrue();
            assertThat(image("laymanlabs/crashloop:1.0").rootfs().read("/usr/local/bin/crashloop").orElseThrow())
                    .contains("exit 1");
            assertThat(image("laymanlabs/slow-start:1.0").config().env()).contains("READY_AFTER=20s");
        }

        @Test
        void sizesAreCloseToTheRealImages() {
            assertThat(image("nginx").size()).isBetween(190_000_000L, 194_000_000L);
            assertThat(image("alpine").size()).isBetween(8_000_000L, 8_600_000L);
            assertThat(image("busybox").size()).isBetween(4_100_000L, 4_400_000L);
            assertThat(image("ubuntu").size()).isBetween(77_000_000L, 80_000_000L);
        }
    }

    @Test
    void aThousandSandboxStoresShareOneCopyOfTheBaseTrees() {
        Image catalogNginx = image("nginx");
        List<ImageStore> stores = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ImageStore store = new ImageStore(new VirtualClock(Instant.EPOCH), ContainerUsage.none());
            new Puller(store, catalog.registry()).pull(Reference.parse("nginx"));
            stores.add(store);
        }

        for (ImageStore store : stores) {
            Image pulled = store.resolve("nginx");
            assertThat(pulled).isSameAs(catalogNginx);
            assertThat(pulled.layers().get(0).diff().root()).isSameAs(catalogNginx.layers().get(0).diff().root());
            assertThat(store.layers().layers()).allMatch(l -> catalogNginx.layers().stream().anyMatch(c -> c == l));
        }
    }
}
