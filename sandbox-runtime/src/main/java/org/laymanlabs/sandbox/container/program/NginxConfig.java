package org.laymanlabs.sandbox.container.program;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * What nginx serves, as its configuration says: the official image's
 * /etc/nginx/conf.d/default.conf (root /usr/share/nginx/html), or the Debian and Ubuntu packages'
 * sites-enabled/default (root /var/www/html, index.html before index.nginx-debian.html). The
 * version in the Server header follows where the binary came from, as the real builds print it.
 *
 * @param indexes the {@code index} directive's files, tried in order for a directory
 */
record NginxConfig(int port, String root, List<String> indexes, String server) {

    static final String OFFICIAL_IMAGE = "/etc/nginx/conf.d/default.conf";
    private static final List<String> DISTRO_SITES = List.of("/etc/nginx/sites-enabled/default",
            "/etc/nginx/sites-available/default");
    private static final Pattern LISTEN = Pattern.compile("(?m)^\\s*listen\\s+(\\d+)[^;]*;");
    private static final Pattern ROOT = Pattern.compile("(?m)^\\s*root\\s+(\\S+)\\s*;");
    private static final Pattern INDEX = Pattern.compile("(?m)^\\s*index\\s+([^;]+);");
    private static final Pattern VERSION_ID = Pattern.compile("(?m)^VERSION_ID=\"?([0-9.]+)\"?");

    static NginxConfig read(FileSystem files) {
        if (files.exists(OFFICIAL_IMAGE)) {
            return parse(files.read(OFFICIAL_IMAGE), "/usr/share/nginx/html", List.of("index.html", "index.htm"),
                    Nginx.VERSION);
        }
        for (String site : DISTRO_SITES) {
            if (files.exists(site)) {
                return parse(files.read(site), "/var/www/html",
                        List.of("index.html", "index.htm", "index.nginx-debian.html"), distroServer(files));
            }
        }
        return new NginxConfig(80, "/usr/share/nginx/html", List.of("index.html", "index.htm"), Nginx.VERSION);
    }

    /** A config the package wrote as a stand-in without text still means the package's defaults. */
    private static NginxConfig parse(String text, String defaultRoot, List<String> defaultIndexes, String server) {
        int port = first(LISTEN, text).map(Integer::parseInt).orElse(80);
        String root = first(ROOT, text).orElse(defaultRoot);
        List<String> indexes = first(INDEX, text).map(list -> List.of(list.strip().split("\\s+"))).orElse(defaultIndexes);
        return new NginxConfig(port, root, indexes, server);
    }

    /** The packaged nginx of each release: Debian 12's 1.22.1, Ubuntu 22.04's 1.18.0 and 24.04's 1.24.0. */
    private static String distroServer(FileSystem files) {
        String release = files.exists("/etc/os-release") ? files.read("/etc/os-release") : "";
        if (!release.contains("ID=ubuntu")) {
            return "nginx/1.22.1";
        }
        String version = first(VERSION_ID, release).orElse("22.04");
        return version.startsWith("24") ? "nginx/1.24.0 (Ubuntu)" : "nginx/1.18.0 (Ubuntu)";
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
