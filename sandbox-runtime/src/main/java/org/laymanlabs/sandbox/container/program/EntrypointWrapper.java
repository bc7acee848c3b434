package org.laymanlabs.sandbox.container.program;

import java.util.ArrayList;
import java.util.List;

/**
 * What the official images' {@code docker-entrypoint.sh} scripts do before their final
 * {@code exec "$@"}: nginx's logs its configuration steps (and its IPv6 script really edits
 * default.conf, which {@code docker diff} then shows); redis's turns {@code -flags} or a
 * {@code .conf} into arguments of redis-server. Mirrors docker-library/nginx and docker-library/redis.
 */
final class EntrypointWrapper {

    private static final String[] NGINX_STEPS = {
        "%s: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "%s: Looking for shell scripts in /docker-entrypoint.d/",
        "%s: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "%s: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
        "%s: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
        "%s: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
        "%s: Configuration complete; ready for start up",
    };
    private static final String DEFAULT_CONF = "/etc/nginx/conf.d/default.conf";

    private EntrypointWrapper() {
    }

    static Process run(String path, List<String> args, ProcessContext context) {
        List<String> command = new ArrayList<>(args);
        if (!command.isEmpty() && (command.get(0).equals("nginx") || command.get(0).equals("nginx-debug"))
                && context.files().isDirectory("/docker-entrypoint.d")) {
            configureNginx(path, context);
        }
        if (!command.isEmpty() && (command.get(0).startsWith("-") || command.get(0).endsWith(".conf"))
                && path.endsWith("/usr/local/bin/docker-entrypoint.sh")) {
            command.add(0, "redis-server");
        }
        if (command.isEmpty()) {
            context.exit(0);
            return Process.IGNORES_SIGNALS;
        }
        return context.exec(command);
    }

    private static void configureNginx(String path, ProcessContext context) {
        boolean quiet = context.env().containsKey("NGINX_ENTRYPOINT_QUIET_LOGS");
        if (context.files().exists(DEFAULT_CONF)) {
            String conf = context.files().read(DEFAULT_CONF);
            if (!conf.contains("[::]:80")) {
                context.files().write(DEFAULT_CONF,
                        conf.replaceFirst("listen       80;", "listen       80;\n    listen  [::]:80;"));
            }
        }
        if (!quiet) {
            for (String step : NGINX_STEPS) {
                context.stdout(String.format(step, path));
            }
        }
    }
}
