package org.laymanlabs.sandbox.image.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.Manifest;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.Registry;

/**
 * The preloaded registry content: believable base images under their real names and tags, built
 * once per JVM and shared, immutable, by every sandbox. A sandbox's {@link Registry} and image
 * store refer to these very images and layers; nothing here is ever copied or changed.
 */
public final class Catalog {

    private final Map<String, Map<String, Manifest>> repositories;

    private Catalog(Map<String, Map<String, Manifest>> repositories) {
        this.repositories = repositories;
    }

    /** The one catalog of this JVM. */
    public static Catalog shared() {
        return Holder.SHARED;
    }

    /** A new registry for one sandbox: this catalog plus the sandbox's own pushes. */
    public Registry registry() {
        return new Registry(repositories);
    }

    /** Repositories by full name, then manifests by tag. */
    public Map<String, Map<String, Manifest>> repositories() {
        return repositories;
    }

    /** The catalog image a reference names, e.g. {@code nginx} or {@code nginx:alpine}. */
    public Optional<Image> image(String reference) {
        Reference ref = Reference.parse(reference).withDefaultTag();
        return Optional.ofNullable(repositories.getOrDefault(ref.name(), Map.of()).get(ref.tag())).map(Manifest::image);
    }

    private static final class Holder {
        static final Catalog SHARED = build();
    }

    private static Catalog build() {
        Builder b = new Builder();
        Image busybox137 = BaseImages.busybox("1.37.0", "2024-09-26T21:31:42Z", 4_277_910);
        Image busybox136 = BaseImages.busybox("1.36.1", "2024-09-26T21:31:42Z", 4_261_550);
        b.add("busybox", busybox137, "latest", "1.37", "1.37.0");
        b.add("busybox", busybox136, "1.36", "1.36.1");
        b.add("alpine", BaseImages.alpine("3.22.0", "2025-05-30T12:05:19Z", 8_309_109), "latest", "3.22", "3.22.0");
        Image alpine321 = BaseImages.alpine("3.21.3", "2025-02-14T03:28:36Z", 7_833_380);
        b.add("alpine", alpine321, "3.21", "3.21.3");
        b.add("alpine", BaseImages.alpine("3.20.6", "2025-02-14T03:28:36Z", 7_796_650), "3.20", "3.20.6");
        Image noble = BaseImages.ubuntu("24.04", "noble", "2025-05-29T06:13:53Z", 78_118_000);
        b.add("ubuntu", noble, "latest", "24.04", "noble");
        b.add("ubuntu", BaseImages.ubuntu("22.04", "jammy", "2025-05-30T13:24:54Z", 77_863_000), "22.04", "jammy");
        Image bookworm = BaseImages.debianSlim();
        b.add("debian", bookworm, "bookworm-slim", "12-slim");
        b.add("nginx", NginxImages.debian(bookworm), "latest", "1.27", "1.27.5", "mainline");
        b.add("nginx", NginxImages.alpine(alpine321), "alpine", "1.27-alpine", "1.27.5-alpine");
        b.add("python", AppImages.python312Slim(bookworm), "3.12-slim", "3.12.11-slim");
        b.add("redis", AppImages.redis(bookworm, "8.0.2", "2025-05-28T00:18:21Z", 62_413_905), "latest", "8", "8.0", "8.0.2");
        b.add("redis", AppImages.redis(bookworm, "7.4.4", "2025-05-28T00:18:21Z", 37_702_117), "7", "7.4", "7.4.4");
        b.add("hello-world", AppImages.helloWorld(), "latest", "linux");
        b.add("hashicorp/http-echo", AppImages.httpEcho(), "latest", "1.0", "1.0.0");
        b.add("laymanlabs/crashloop", LabImages.crashloop(busybox136), "1.0", "latest");
        b.add("laymanlabs/slow-start", LabImages.slowStart(busybox136), "1.0", "latest");
        b.add("registry.k8s.io/coredns/coredns", KubeImages.coredns(), "v1.11.3");
        b.add("registry.k8s.io/e2e-test-images/jessie-dnsutils", KubeImages.jessieDnsutils(bookworm), "1.3");
        b.add("polinux/stress", KubernetesImages.stress(alpine321), "latest", "1.0.4");
        b.add("registry.k8s.io/pause", KubernetesImages.pause(), "3.10");
        b.add("registry.k8s.io/etcd", KubernetesImages.component("etcd", "2024-12-09T14:31:12Z", 23_652_864), "3.5.16-0");
        for (String component : java.util.List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy")) {
            b.add("registry.k8s.io/" + component, KubernetesImages.component(component, "2025-05-15T10:42:11Z",
                    component.equals("kube-scheduler") ? 20_660_224 : 28_401_664), "v1.32.5");
        }
        b.add("registry.k8s.io/ingress-nginx/controller", KubernetesImages.ingressNginxController(), "v1.12.0");
        return new Catalog(b.build());
    }

    private static final class Builder {
        private final Map<String, Map<String, Manifest>> repositories = new TreeMap<>();

        void add(String name, Image image, String... tags) {
            Manifest manifest = Manifest.of(image);
            Map<String, Manifest> repo = repositories.computeIfAbsent(
                    Reference.parse(name).name(), n -> new LinkedHashMap<>());
            for (String tag : tags) {
                repo.put(tag, manifest);
            }
        }

        Map<String, Map<String, Manifest>> build() {
            Map<String, Map<String, Manifest>> frozen = new TreeMap<>();
            repositories.forEach((name, tags) -> frozen.put(name, Collections.unmodifiableMap(tags)));
            return Collections.unmodifiableMap(frozen);
        }
    }
}
