package org.laymanlabs.sandbox.image.packages;

import java.util.ArrayList;
import java.util.List;

/**
 * One installable package of one distribution release (or one PyPI release).
 *
 * @param installedBytes what it adds to the disk, and so to the layer
 * @param downloadBytes  the archive apt or pip downloads
 * @param depends        names of packages it needs, from the same catalog
 * @param binaries       the programs and libraries it installs, listed one by one; the rest of
 *                       {@code installedBytes} is counted, not stored
 */
public record Package(String name, String version, long installedBytes, long downloadBytes, List<String> depends,
                      List<PackageFile> binaries) {

    /** A file a package installs, with its size. */
    public record PackageFile(String path, long size) {
    }

    public Package {
        depends = List.copyOf(depends);
        binaries = List.copyOf(binaries);
    }

    /**
     * Parses one row of a catalog table: {@code name|version|installed kB|download kB|dep,dep|/path:size,/path:size}.
     */
    static Package row(String row) {
        String[] f = row.split("\\|", -1);
        List<PackageFile> files = new ArrayList<>();
        for (String file : f[5].split(",")) {
            if (!file.isEmpty()) {
                int colon = file.lastIndexOf(':');
                files.add(new PackageFile(file.substring(0, colon), Long.parseLong(file.substring(colon + 1))));
            }
        }
        List<String> deps = f[4].isEmpty() ? List.of() : List.of(f[4].split(","));
        return new Package(f[0], f[1], Long.parseLong(f[2]) * 1000, Long.parseLong(f[3]) * 1000, deps, files);
    }

    /** The rest of the installed size, beyond the files listed one by one. */
    public long unlistedBytes() {
        return Math.max(0, installedBytes - binaries.stream().mapToLong(PackageFile::size).sum());
    }
}
