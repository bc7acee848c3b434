package org.laymanlabs.sandbox.image.catalog;

import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.fs.Diff;

/**
 * The images a kubeadm node runs besides the learner's: registry.k8s.io's pause (every pod
 * sandbox's PID 1) and the control plane's static pods, as kubernetes/build/pause and
 * kubernetes/build/server-image build them (one static binary; distroless for the components,
 * which the sandbox keeps to the binary). They sit under registry.k8s.io as the real ones do.
 */
final class KubernetesImages {

    private KubernetesImages() {
    }

    /** build/pause/Dockerfile: FROM scratch, the static pause binary, nobody's UID. */
    static Image pause() {
        String when = "2024-05-22T13:05:48Z";
        return Recipe.scratch()
                .meta(when, "ARG BASE", c -> c)
                .meta(when, "ARG ARCH", c -> c)
                .layer(when, "ADD bin/pause-linux-amd64 /pause # buildkit", Recipe.BUILDKIT,
                        Diff.builder().binary("/pause", "pause", 742_224, 0755).build())
                .meta(when, "USER 65535:65535", c -> c.withUser("65535:65535"))
                .meta(when, "ENTRYPOINT [\"/pause\"]", c -> c.withEntrypoint("/pause"))
                .build();
    }

    /** A control-plane component: its binary in /usr/local/bin, run by the static pod's command. */
    static Image component(String name, String when, long size) {
        return Recipe.scratch()
                .layer(when, "COPY /go/bin/" + name + " /usr/local/bin/" + name + " # buildkit", Recipe.BUILDKIT,
                        Diff.builder().binary("/usr/local/bin/" + name, "kube-component", size, 0755).build())
                .meta(when, "ENTRYPOINT [\"/usr/local/bin/" + name + "\"]", c -> c.withEntrypoint("/usr/local/bin/" + name))
                .build();
    }

    /**
     * ingress-nginx's controller (rootfs/Dockerfile): the Go controller beside nginx, started by
     * the Deployment's args (/nginx-ingress-controller …) under dumb-init, which the sandbox leaves out.
     */
    static Image ingressNginxController() {
        String when = "2024-12-30T21:04:35Z";
        return Recipe.scratch()
                .layer(when, "COPY --chown=www-data:www-data . / # buildkit", Recipe.BUILDKIT,
                        Diff.builder().binary("/nginx-ingress-controller", "nginx-ingress-controller", 61_865_984, 0755)
                                .binary("/usr/bin/nginx", "nginx", 1_290_432, 0755).build())
                .meta(when, "USER www-data", c -> c.withUser("www-data"))
                .meta(when, "EXPOSE map[443/tcp:{} 80/tcp:{}]", c -> c.withExposedPort("80/tcp").withExposedPort("443/tcp"))
                .build();
    }

    /**
     * polinux/stress 1.0.4 on Alpine, the image of the Kubernetes docs' "Assign Memory Resources"
     * task: {@code stress --vm 1 --vm-bytes 250M --vm-hang 1} over a 100Mi limit is OOMKilled.
     */
    static Image stress(Image alpine) {
        String when = "2018-03-24T12:02:47Z";
        return Recipe.from(alpine)
                .nop(when, "MAINTAINER Przemyslaw Ozgo <linux@ozgo.info>", c -> c)
                .layer(when, "/bin/sh -c apk add --update bash g++ make curl && curl -o /tmp/stress-1.0.4.tgz"
                        + " https://fossies.org/linux/privat/stress-1.0.4.tar.gz && cd /tmp && tar xvf stress-1.0.4.tgz"
                        + " && rm /tmp/stress-1.0.4.tgz && cd /tmp/stress-1.0.4 && ./configure && make && make install"
                        + " && apk del g++ make curl && rm -rf /tmp/* /var/tmp/* /var/cache/apk/*", "",
                        Diff.builder().binary("/usr/local/bin/stress", "stress", 43_408, 0755).build())
                .nop(when, "CMD [\"/usr/local/bin/stress\" \"--help\"]", c -> c.withCmd("/usr/local/bin/stress", "--help"))
                .build();
    }
}
