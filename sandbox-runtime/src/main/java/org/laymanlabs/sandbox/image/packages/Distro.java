package org.laymanlabs.sandbox.image.packages;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * Which distribution an image's root is, read from {@code /etc/os-release} as package managers
 * and shells see it: Debian or Ubuntu (dash as {@code /bin/sh}, apt), Alpine (BusyBox ash, apk),
 * or plain BusyBox.
 *
 * @param id       {@code debian}, {@code ubuntu}, {@code alpine} or {@code busybox}
 * @param codename {@code bookworm}, {@code jammy}, {@code noble}; for Alpine its minor version, e.g. {@code 3.22}
 */
public record Distro(String id, String codename) {

    public static Optional<Distro> detect(FileSystem root) {
        if (root.exists("/etc/os-release") && !root.isDirectory("/etc/os-release")) {
            Map<String, String> fields = fields(root.read("/etc/os-release"));
            String id = fields.getOrDefault("ID", "");
            String version = fields.getOrDefault("VERSION_ID", "");
            if (id.equals("alpine")) {
                String minor = version.chars().filter(c -> c == '.').count() >= 2
                        ? version.substring(0, version.lastIndexOf('.')) : version;
                return Optional.of(new Distro("alpine", minor));
            }
            if (id.equals("debian") || id.equals("ubuntu")) {
                return Optional.of(new Distro(id, fields.getOrDefault("VERSION_CODENAME", "bookworm")));
            }
        }
        return root.exists("/bin/busybox") ? Optional.of(new Distro("busybox", "")) : Optional.empty();
    }

    private static Map<String, String> fields(String osRelease) {
        Map<String, String> fields = new HashMap<>();
        for (String line : osRelease.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", "").strip());
            }
        }
        return fields;
    }

    public boolean isDebianFamily() {
        return id.equals("debian") || id.equals("ubuntu");
    }

    /** BusyBox's ash is {@code /bin/sh} on Alpine and BusyBox images; dash on Debian and Ubuntu. */
    public boolean hasBusybox() {
        return id.equals("alpine") || id.equals("busybox");
    }
}
