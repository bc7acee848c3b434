package org.laymanlabs.sandbox.image.catalog;

import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.fs.Diff;

/**
 * Layman Labs' own practice images, under the {@code laymanlabs/} namespace so no one mistakes
 * them for official ones. Both build on busybox:1.36 and share its layer.
 */
final class LabImages {

    private static final String SOURCE = "https://github.com/laymanlabs/lab-images";

    private LabImages() {
    }

    /** Prints an error and exits with status 1, to practise restart policies and CrashLoopBackOff. */
    static Image crashloop(Image busybox) {
        String when = "2025-06-02T09:00:00Z";
        return Recipe.from(busybox)
                .meta(when, "LABEL org.opencontainers.image.source=" + SOURCE,
                        c -> c.withLabel("org.opencontainers.image.source", SOURCE))
                .layer(when, "COPY crashloop /usr/local/bin/crashloop # buildkit", Recipe.BUILDKIT,
                        Diff.builder().file("/usr/local/bin/crashloop", Recipe.text("lab/crashloop"), 0755).build())
                .meta(when, "CMD [\"/usr/local/bin/crashloop\"]", c -> c.withCmd("/usr/local/bin/crashloop"))
                .build();
    }

    /** Serves HTTP on 8080 but answers only after READY_AFTER, to practise readiness and startup probes. */
    static Image slowStart(Image busybox) {
        String when = "2025-06-02T09:00:00Z";
        return Recipe.from(busybox)
                .meta(when, "LABEL org.opencontainers.image.source=" + SOURCE,
                        c -> c.withLabel("org.opencontainers.image.source", SOURCE))
                .layer(when, "COPY slow-start /usr/local/bin/slow-start # buildkit", Recipe.BUILDKIT,
                        Diff.builder().binary("/usr/local/bin/slow-start", "slow-start", 2_310_144, 0755).build())
                .env(when, "READY_AFTER", "20s")
                .env(when, "PORT", "8080")
                .meta(when, "EXPOSE map[8080/tcp:{}]", c -> c.withExposedPort("8080/tcp"))
                .meta(when, "ENTRYPOINT [\"/usr/local/bin/slow-start\"]", c -> c.withEntrypoint("/usr/local/bin/slow-start"))
                .build();
    }
}
