package org.laymanlabs.sandbox.image.catalog;

import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.fs.Diff;

/**
 * Images from registry.k8s.io that a kubeadm cluster and the Kubernetes DNS debugging guide
 * use: coredns/coredns (its Dockerfile: distroless static, nonroot, /coredns as entrypoint) and
 * e2e-test-images/jessie-dnsutils (bind9's dig, nslookup and host, run with a long sleep).
 */
final class KubeImages {

    private KubeImages() {
    }

    static Image coredns() {
        String when = "2024-08-12T20:01:58Z";
        return Recipe.scratch()
                .layer(when, "COPY /etc/ssl/certs /etc/ssl/certs # buildkit", Recipe.BUILDKIT,
                        Diff.builder().dir("/etc/ssl/certs").sizedTo(222_420).build())
                .layer(when, "ADD coredns /coredns # buildkit", Recipe.BUILDKIT,
                        Diff.builder().binary("/coredns", "coredns", 60_723_456, 0755).build())
                .meta(when, "USER nonroot:nonroot", c -> c.withUser("nonroot:nonroot"))
                .meta(when, "WORKDIR /", c -> c.withWorkingDir("/"))
                .meta(when, "EXPOSE map[53/tcp:{} 53/udp:{}]", c -> c.withExposedPort("53/tcp").withExposedPort("53/udp"))
                .meta(when, "ENTRYPOINT [\"/coredns\"]", c -> c.withEntrypoint("/coredns"))
                .build();
    }

    /** dnsutils over the debian base: dig and nslookup are bind9's, as in the real image. */
    static Image jessieDnsutils(Image debian) {
        String when = "2021-07-28T11:09:23Z";
        return Recipe.from(debian)
                .layer(when, "RUN /bin/sh -c apt-get -q update && apt-get install -y dnsutils && apt-get clean # buildkit",
                        Recipe.BUILDKIT, Diff.builder()
                                .binary("/usr/bin/dig", "dig", 137_816, 0755)
                                .binary("/usr/bin/nslookup", "nslookup", 125_528, 0755)
                                .binary("/usr/bin/host", "host", 121_432, 0755)
                                .sizedTo(19_482_655).build())
                .build();
    }
}
