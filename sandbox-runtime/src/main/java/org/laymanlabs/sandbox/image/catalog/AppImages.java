package org.laymanlabs.sandbox.image.catalog;

import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.fs.Diff;

/** python:3.12-slim, redis (8.0 and 7.4) and hashicorp/http-echo, replaying their published build steps. */
final class AppImages {

    private AppImages() {
    }

    static Image python312Slim(Image bookwormSlim) {
        String when = "2025-06-04T01:52:26Z";
        String path = "/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        return Recipe.from(bookwormSlim)
                .meta(when, "ENV PATH=" + path, c -> c.withEnv("PATH", path))
                .env(when, "LANG", "C.UTF-8")
                .layer(when, "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends"
                        + " \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                        Recipe.BUILDKIT, Diff.builder().dir("/usr/share/zoneinfo").dir("/etc/ssl/certs").sizedTo(3_806_419).build())
                .env(when, "GPG_KEY", "7169605F62C751356D054A26A821E680E5FA6305")
                .env(when, "PYTHON_VERSION", "3.12.11")
                .layer(when, "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update;"
                        + " \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev"
                        + " \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev"
                        + " \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev"
                        + " \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; # buildkit", Recipe.BUILDKIT,
                        Diff.builder()
                                .binary("/usr/local/bin/python3.12", "python3", 14_472, 0755)
                                .symlink("/usr/local/bin/python3", "python3.12")
                                .binary("/usr/local/bin/pip3.12", "pip", 231, 0755)
                                .symlink("/usr/local/bin/pip3", "pip3.12")
                                .binary("/usr/local/lib/libpython3.12.so.1.0", "libpython", 23_807_840, 0755)
                                .dir("/usr/local/lib/python3.12/site-packages")
                                .sizedTo(41_309_776).build())
                .layer(when, "RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do"
                        + " \t\tdst=\"$(echo \"$src\" | tr -d 3)\"; \t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e"
                        + " \"/usr/local/bin/$dst\" ]; \t\tln -svT \"$src\" \"/usr/local/bin/$dst\"; \tdone # buildkit",
                        Recipe.BUILDKIT, Diff.builder()
                                .symlink("/usr/local/bin/idle", "idle3").symlink("/usr/local/bin/pip", "pip3")
                                .symlink("/usr/local/bin/pydoc", "pydoc3").symlink("/usr/local/bin/python", "python3")
                                .symlink("/usr/local/bin/python-config", "python3-config").build())
                .meta(when, "CMD [\"python3\"]", c -> c.withCmd("python3"))
                .build();
    }

    /** redis on bookworm-slim; 8.0 and 7.4 share the base and the steps, not the builds. */
    static Image redis(Image bookwormSlim, String version, String when, long buildSize) {
        Recipe recipe = Recipe.from(bookwormSlim)
                .layer(when, "RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit",
                        Recipe.BUILDKIT, Diff.builder()
                                .file("/etc/passwd", Recipe.text("debian/passwd") + "redis:x:999:999::/home/redis:/bin/sh\n")
                                .sizedTo(4_258).build());
        if (version.startsWith("7.")) {
            recipe.env(when, "GOSU_VERSION", "1.17")
                    .layer(when, "RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update;"
                            + " \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; # buildkit",
                            Recipe.BUILDKIT, Diff.builder().binary("/usr/local/bin/gosu", "gosu", 2_260_992, 0755)
                                    .sizedTo(4_150_873).build());
        }
        return recipe
                .env(when, "REDIS_VERSION", version)
                .env(when, "REDIS_DOWNLOAD_URL", "http://download.redis.io/releases/redis-" + version + ".tar.gz")
                .layer(when, "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update;"
                        + " \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev"
                        + " \t\tmake \t\twget \t; # buildkit", Recipe.BUILDKIT, Diff.builder()
                                .binary("/usr/local/bin/redis-server", "redis-server", 15_736_312, 0755)
                                .binary("/usr/local/bin/redis-cli", "redis-cli", 8_106_704, 0755)
                                .symlink("/usr/local/bin/redis-sentinel", "redis-server")
                                .symlink("/usr/local/bin/redis-check-aof", "redis-server")
                                .symlink("/usr/local/bin/redis-check-rdb", "redis-server")
                                .sizedTo(buildSize).build())
                .layer(when, "RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit", Recipe.BUILDKIT,
                        Diff.builder().dir("/data", 0755, 999, 999).build())
                .meta(when, "VOLUME [/data]", c -> c.withVolume("/data"))
                .meta(when, "WORKDIR /data", c -> c.withWorkingDir("/data"))
                .layer(when, "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", Recipe.BUILDKIT,
                        Diff.builder().file("/usr/local/bin/docker-entrypoint.sh", Recipe.text("redis/docker-entrypoint.sh"), 0775).build())
                .meta(when, "ENTRYPOINT [\"docker-entrypoint.sh\"]", c -> c.withEntrypoint("docker-entrypoint.sh"))
                .meta(when, "EXPOSE map[6379/tcp:{}]", c -> c.withExposedPort("6379/tcp"))
                .meta(when, "CMD [\"redis-server\"]", c -> c.withCmd("redis-server"))
                .build();
    }

    static Image httpEcho() {
        String when = "2023-11-08T17:02:59Z";
        return Recipe.scratch()
                .meta(when, "ARG PRODUCT_VERSION=1.0.0", c -> c)
                .meta(when, "LABEL version=1.0.0", c -> c.withLabel("version", "1.0.0"))
                .layer(when, "COPY dist/linux/amd64/http-echo / # buildkit", Recipe.BUILDKIT,
                        Diff.builder().binary("/http-echo", "http-echo", 4_808_704, 0755).build())
                .meta(when, "EXPOSE map[5678/tcp:{}]", c -> c.withExposedPort("5678/tcp"))
                .meta(when, "ENTRYPOINT [\"/http-echo\"]", c -> c.withEntrypoint("/http-echo"))
                .build();
    }

    /** hello-world: one static binary on scratch, the first image most people ever run. */
    static Image helloWorld() {
        String when = "2025-01-21T23:32:32Z";
        return Recipe.scratch()
                .layer(when, "COPY hello / # buildkit", Recipe.BUILDKIT,
                        Diff.builder().binary("/hello", "hello", 10_072, 0755).build())
                .meta(when, "CMD [\"/hello\"]", c -> c.withCmd("/hello"))
                .build();
    }
}
