package org.laymanlabs.sandbox.image.catalog;

import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.DiffBuilder;

/**
 * nginx 1.27.5, on Debian bookworm-slim (nginx:latest, nginx:1.27) and on Alpine 3.21
 * (nginx:alpine), replaying docker-library/nginx's Dockerfiles step by step.
 */
final class NginxImages {

    private static final String VERSION = "1.27.5";
    private static final String MAINTAINER = "NGINX Docker Maintainers <docker-maint@nginx.com>";
    private static final String[][] ENTRYPOINT_SCRIPTS = {
        {"10-listen-on-ipv6-by-default.sh", "2125"},
        {"15-local-resolvers.envsh", "389"},
        {"20-envsubst-on-templates.sh", "3018"},
        {"30-tune-worker-processes.sh", "4620"},
    };

    private NginxImages() {
    }

    static Image debian(Image bookwormSlim) {
        String when = "2025-05-21T18:00:46Z";
        Recipe recipe = Recipe.from(bookwormSlim)
                .meta(when, "LABEL maintainer=" + MAINTAINER, c -> c.withLabel("maintainer", MAINTAINER))
                .env(when, "NGINX_VERSION", VERSION)
                .env(when, "NJS_VERSION", "0.8.10")
                .env(when, "NJS_RELEASE", "1~bookworm")
                .env(when, "PKG_RELEASE", "1~bookworm")
                .env(when, "DYNPKG_RELEASE", "1~bookworm")
                .layer(when, "RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system"
                        + " --gid nginx --no-create-home --home /nonexistent --comment \"nginx user\" --shell /bin/false"
                        + " --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends"
                        + " --no-install-suggests -y gnupg1 ca-certificates     && apt-get install --no-install-recommends"
                        + " --no-install-suggests -y $nginxPackages gettext-base curl     && apt-get remove --purge --auto-remove"
                        + " -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout"
                        + " /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir"
                        + " /docker-entrypoint.d # buildkit", Recipe.BUILDKIT,
                        nginxFiles(Diff.builder(), "/usr/sbin/nginx")
                                .file("/etc/passwd", Recipe.text("debian/passwd") + "nginx:x:101:101:nginx user:/nonexistent:/bin/false\n")
                                .binary("/usr/bin/envsubst", "envsubst", 31_144, 0755)
                                .binary("/usr/bin/curl", "curl", 301_024, 0755)
                                .sizedTo(117_144_823).build());
        return entrypointSteps(recipe, when).build();
    }

    static Image alpine(Image alpine321) {
        String when = "2025-04-16T21:27:50Z";
        Recipe recipe = Recipe.from(alpine321)
                .meta(when, "LABEL maintainer=" + MAINTAINER, c -> c.withLabel("maintainer", MAINTAINER))
                .env(when, "NGINX_VERSION", VERSION)
                .env(when, "PKG_RELEASE", "1")
                .env(when, "DYNPKG_RELEASE", "1")
                .layer(when, "RUN /bin/sh -c set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101"
                        + " -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch=\"$(cat"
                        + " /etc/apk/arch)\"     && nginxPackages=\" nginx=${NGINX_VERSION}-r${PKG_RELEASE} \" # buildkit",
                        Recipe.BUILDKIT,
                        nginxFiles(Diff.builder(), "/usr/sbin/nginx")
                                .file("/etc/passwd", Recipe.text("alpine/passwd") + "nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n")
                                .sizedTo(5_051_395).build());
        entrypointSteps(recipe, when);
        return recipe
                .env(when, "NJS_VERSION", "0.8.10")
                .env(when, "NJS_RELEASE", "1")
                .layer(when, "RUN /bin/sh -c set -x     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\""
                        + "         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}"
                        + "         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}"
                        + "-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     \" # buildkit",
                        Recipe.BUILDKIT,
                        Diff.builder().binary("/usr/lib/nginx/modules/ngx_http_js_module.so", "nginx-module-njs", 1_722_368, 0755)
                                .binary("/usr/bin/njs", "njs", 1_318_448, 0755)
                                .sizedTo(35_297_740).build())
                .build();
    }

    private static DiffBuilder nginxFiles(DiffBuilder diff, String binary) {
        return diff.binary(binary, "nginx", 1_484_192, 0755)
                .binary(binary + "-debug", "nginx", 1_528_376, 0755)
                .file("/etc/nginx/nginx.conf", Recipe.text("nginx/nginx.conf"))
                .file("/etc/nginx/conf.d/default.conf", Recipe.text("nginx/default.conf"))
                .binary("/etc/nginx/mime.types", "text/mime.types", 5_349, 0644)
                .binary("/etc/nginx/fastcgi_params", "text/fastcgi_params", 1_007, 0644)
                .symlink("/etc/nginx/modules", "../../usr/lib/nginx/modules")
                .file("/usr/share/nginx/html/index.html", Recipe.text("nginx/index.html"))
                .file("/usr/share/nginx/html/50x.html", Recipe.text("nginx/50x.html"))
                .symlink("/var/log/nginx/access.log", "/dev/stdout")
                .symlink("/var/log/nginx/error.log", "/dev/stderr")
                .dir("/var/cache/nginx", 0755, 101, 0)
                .dir("/docker-entrypoint.d");
    }

    /** The five COPY steps and the final ENTRYPOINT, EXPOSE, STOPSIGNAL and CMD, shared by both variants. */
    private static Recipe entrypointSteps(Recipe recipe, String when) {
        recipe.layer(when, "COPY docker-entrypoint.sh / # buildkit", Recipe.BUILDKIT,
                Diff.builder().file("/docker-entrypoint.sh", Recipe.text("nginx/docker-entrypoint.sh"), 0775).build());
        for (String[] script : ENTRYPOINT_SCRIPTS) {
            recipe.layer(when, "COPY " + script[0] + " /docker-entrypoint.d # buildkit", Recipe.BUILDKIT,
                    Diff.builder().binary("/docker-entrypoint.d/" + script[0], "shell-script", Long.parseLong(script[1]), 0775).build());
        }
        return recipe
                .meta(when, "ENTRYPOINT [\"/docker-entrypoint.sh\"]", c -> c.withEntrypoint("/docker-entrypoint.sh"))
                .meta(when, "EXPOSE map[80/tcp:{}]", c -> c.withExposedPort("80/tcp"))
                .meta(when, "STOPSIGNAL SIGQUIT", c -> c.withStopSignal("SIGQUIT"))
                .meta(when, "CMD [\"nginx\" \"-g\" \"daemon off;\"]", c -> c.withCmd("nginx", "-g", "daemon off;"));
    }
}
