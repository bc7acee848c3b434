package org.laymanlabs.sandbox.image.packages;

import org.laymanlabs.sandbox.vfs.FileSystem;

/** How the package managers put a package's files in place: parents made, a stand-in written, the real node recorded. */
final class FileWrites {

    private FileWrites() {
    }

    static void install(FileSystem files, InstalledFiles installed, Package p) {
        for (Package.PackageFile file : p.binaries()) {
            String parent = file.path().substring(0, Math.max(1, file.path().lastIndexOf('/')));
            files.mkdir(parent, true);
            // Programs in bin and sbin directories are executable; libraries and data are not.
            int mode = file.path().matches(".*/s?bin/[^/]+") ? 0755 : 0644;
            files.write(file.path(), "");
            files.chmod(file.path(), mode);
            installed.binary(file.path(), p.name(), file.size(), mode);
        }
        installed.unlisted(p.unlistedBytes());
    }

    static void writeText(FileSystem files, String path, String text) {
        String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        files.mkdir(parent, true);
        files.write(path, text);
    }

    /** apt's SizeToStr and pip's sizes: 1000-based, one decimal under 100, none from 100 up. */
    static String size(double bytes) {
        String[] units = {"", "k", "M", "G"};
        for (int i = 0; i < units.length; i++) {
            if (bytes < 100 && i > 0) {
                return String.format("%.1f %sB", bytes, units[i]);
            }
            if (bytes < 10000) {
                return String.format("%.0f %sB", bytes, units[i]);
            }
            bytes /= 1000.0;
        }
        return String.format("%.0f TB", bytes);
    }
}
