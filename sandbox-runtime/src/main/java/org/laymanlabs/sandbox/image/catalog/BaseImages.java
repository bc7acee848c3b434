package org.laymanlabs.sandbox.image.catalog;

import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.DiffBuilder;

/**
 * The distribution base images: busybox, alpine, debian (bookworm-slim) and ubuntu, with their
 * real build steps, key files and sizes as published on Docker Hub in June 2025. Only the files a
 * lesson looks at are listed; the rest of each layer is counted, not stored.
 */
final class BaseImages {

    static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final String[] BUSYBOX_APPLETS = {"sh", "ls", "cat", "echo", "env", "sleep", "wget", "ps", "top", "vi"};

    private BaseImages() {
    }

    static Image busybox(String version, String when, long size) {
        DiffBuilder root = skeleton(Diff.builder())
                .binary("/bin/busybox", "busybox", 1_127_744, 0755)
                .binary("/lib/libc.so.6", "glibc", 1_922_136, 0755)
                .binary("/lib64/ld-linux-x86-64.so.2", "glibc", 236_616, 0755)
                .file("/etc/passwd", Recipe.text("busybox/passwd"))
                .file("/etc/group", "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\n"
                        + "disk:x:6:\nwheel:x:10:root\nmail:x:8:\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n")
                .dir("/usr/sbin").dir("/var/spool/mail").dir("/var/www");
        for (String applet : BUSYBOX_APPLETS) {
            root.symlink("/bin/" + applet, "busybox");
        }
        return Recipe.scratch()
                .layer(when, "BusyBox " + version + " (glibc), Debian 12", "", root.sizedTo(size).build())
                .config(c -> c.withEnv("PATH", PATH.substring(5)).withCmd("sh"))
                .build();
    }

    static Image alpine(String version, String when, long size) {
        String minor = version.substring(0, version.lastIndexOf('.'));
        DiffBuilder root = skeleton(Diff.builder())
                .binary("/bin/busybox", "busybox", 808_712, 0755)
                .binary("/lib/ld-musl-x86_64.so.1", "musl", 654_720, 0755)
                .symlink("/lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1")
                .binary("/sbin/apk", "apk", 135_096, 0755)
                .file("/etc/os-release", Recipe.text("alpine/os-release-" + minor))
                .file("/etc/alpine-release", version + "\n")
                .file("/etc/passwd", Recipe.text("alpine/passwd"))
                .file("/etc/hostname", "localhost\n")
                .dir("/usr/bin").dir("/usr/sbin").dir("/usr/local/bin").dir("/var/cache/apk");
        for (String applet : BUSYBOX_APPLETS) {
            root.symlink("/bin/" + applet, "/bin/busybox");
        }
        return Recipe.scratch()
                .layer(when, "ADD alpine-minirootfs-" + version + "-x86_64.tar.gz / # buildkit", Recipe.BUILDKIT,
                        root.sizedTo(size).build())
                .meta(when, "CMD [\"/bin/sh\"]", c -> c.withEnv("PATH", PATH.substring(5)).withCmd("/bin/sh"))
                .build();
    }

    /** debian:bookworm-slim, the base that nginx, python and redis share layer for layer. */
    static Image debianSlim() {
        String when = "2025-05-20T00:00:00Z";
        Diff root = mergedUsr(skeleton(Diff.builder()), "debian/os-release")
                .file("/etc/debian_version", "12.11\n")
                .file("/etc/passwd", Recipe.text("debian/passwd"))
                .sizedTo(74_832_015).build();
        return Recipe.scratch()
                .layer(when, "# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'", "debuerreotype 0.15", root)
                .meta(when, "CMD [\"bash\"]", c -> c.withEnv("PATH", PATH.substring(5)).withCmd("bash"))
                .build();
    }

    static Image ubuntu(String version, String codename, String when, long size) {
        Diff root = mergedUsr(skeleton(Diff.builder()), "ubuntu/os-release-" + version)
                .file("/etc/debian_version", version.equals("24.04") ? "trixie/sid\n" : "bookworm/sid\n")
                .dir("/home/ubuntu", 0750, 1000, 1000)
                .sizedTo(size).build();
        String rootfs = Digest.sha256(codename + " rootfs amd64 " + when).hex();
        return Recipe.scratch()
                .nop(when, " ARG RELEASE", c -> c)
                .nop(when, " ARG LAUNCHPAD_BUILD_ARCH", c -> c)
                .nop(when, " LABEL org.opencontainers.image.ref.name=ubuntu",
                        c -> c.withLabel("org.opencontainers.image.ref.name", "ubuntu"))
                .nop(when, " LABEL org.opencontainers.image.version=" + version,
                        c -> c.withLabel("org.opencontainers.image.version", version))
                .layer(when, "/bin/sh -c #(nop) ADD file:" + rootfs + " in / ", "", root)
                .nop(when, " CMD [\"/bin/bash\"]", c -> c.withEnv("PATH", PATH.substring(5)).withCmd("/bin/bash"))
                .build();
    }

    /** The directories every Linux root has. */
    private static DiffBuilder skeleton(DiffBuilder root) {
        return root.dir("/dev").dir("/etc").dir("/home").dir("/proc", 0555, 0, 0).dir("/root", 0700, 0, 0)
                .dir("/sys", 0555, 0, 0).dir("/tmp", 01777, 0, 0).dir("/usr/local").dir("/var/log").dir("/run");
    }

    /** Debian and Ubuntu's merged {@code /usr}: {@code /bin} and friends are links into {@code /usr}. */
    private static DiffBuilder mergedUsr(DiffBuilder root, String osRelease) {
        return root.symlink("/bin", "usr/bin").symlink("/sbin", "usr/sbin")
                .symlink("/lib", "usr/lib").symlink("/lib64", "usr/lib64")
                .file("/usr/lib/os-release", Recipe.text(osRelease))
                .symlink("/etc/os-release", "../usr/lib/os-release")
                .binary("/usr/bin/bash", "bash", 1_265_648, 0755)
                .binary("/usr/bin/dash", "dash", 125_640, 0755)
                .symlink("/usr/bin/sh", "dash")
                .binary("/usr/bin/ls", "ls", 151_344, 0755)
                .binary("/usr/bin/cat", "cat", 44_016, 0755)
                .binary("/usr/bin/echo", "echo", 35_664, 0755)
                .binary("/usr/bin/sleep", "sleep", 35_632, 0755)
                .binary("/usr/bin/env", "env", 48_144, 0755)
                .binary("/usr/lib/x86_64-linux-gnu/libc.so.6", "glibc", 1_922_136, 0755)
                .dir("/usr/local/bin").dir("/usr/sbin").dir("/var/lib/dpkg");
    }
}
