package org.laymanlabs.sandbox.image.packages;

import java.util.List;

/**
 * The Debian bookworm and Ubuntu jammy and noble archives as {@code apt-get update} finds them in
 * June 2025: their index files and a few dozen packages with their real versions and sizes.
 */
final class AptArchive {

    /** One index {@code apt-get update} fetches: the line it prints and the list file it leaves. */
    record Index(String url, String what, long bytes, String listFile) {
    }

    private static final String LIB = "/usr/lib/x86_64-linux-gnu/";

    private AptArchive() {
    }

    static String mirror(String codename) {
        return codename.equals("bookworm") ? "http://deb.debian.org/debian" : "http://archive.ubuntu.com/ubuntu";
    }

    static String libcVersion(String codename) {
        return switch (codename) {
            case "bookworm" -> "2.36-9+deb12u10";
            case "jammy" -> "2.35-0ubuntu3.10";
            default -> "2.39-0ubuntu8.4";
        };
    }

    /** Base image file count dpkg reports in "(Reading database ... N files and directories currently installed.)". */
    static int baseDatabaseFiles(String codename) {
        return codename.equals("bookworm") ? 6090 : codename.equals("jammy") ? 4395 : 4381;
    }

    static List<Index> indexes(String codename) {
        if (codename.equals("bookworm")) {
            String d = "http://deb.debian.org/debian";
            String s = "http://deb.debian.org/debian-security";
            return List.of(
                    new Index(d, "bookworm InRelease", 151_000, "deb.debian.org_debian_dists_bookworm_InRelease"),
                    new Index(d, "bookworm-updates InRelease", 55_400, "deb.debian.org_debian_dists_bookworm-updates_InRelease"),
                    new Index(s, "bookworm-security InRelease", 48_000, "deb.debian.org_debian-security_dists_bookworm-security_InRelease"),
                    new Index(d, "bookworm/main amd64 Packages", 8_793_000, "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4"),
                    new Index(d, "bookworm-updates/main amd64 Packages", 756, "deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.lz4"),
                    new Index(s, "bookworm-security/main amd64 Packages", 265_000, "deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4"));
        }
        String u = "http://archive.ubuntu.com/ubuntu";
        String s = "http://security.ubuntu.com/ubuntu";
        String c = codename;
        return List.of(
                new Index(u, c + " InRelease", 270_000, "archive.ubuntu.com_ubuntu_dists_" + c + "_InRelease"),
                new Index(s, c + "-security InRelease", 129_000, "security.ubuntu.com_ubuntu_dists_" + c + "-security_InRelease"),
                new Index(u, c + "-updates InRelease", 128_000, "archive.ubuntu.com_ubuntu_dists_" + c + "-updates_InRelease"),
                new Index(u, c + "/universe amd64 Packages", 17_500_000, "archive.ubuntu.com_ubuntu_dists_" + c + "_universe_binary-amd64_Packages.lz4"),
                new Index(u, c + "/main amd64 Packages", 1_792_000, "archive.ubuntu.com_ubuntu_dists_" + c + "_main_binary-amd64_Packages.lz4"),
                new Index(s, c + "-security/main amd64 Packages", 2_988_000, "security.ubuntu.com_ubuntu_dists_" + c + "-security_main_binary-amd64_Packages.lz4"),
                new Index(u, c + "-updates/main amd64 Packages", 3_312_000, "archive.ubuntu.com_ubuntu_dists_" + c + "-updates_main_binary-amd64_Packages.lz4"),
                new Index(u, c + "-updates/universe amd64 Packages", 1_552_000, "archive.ubuntu.com_ubuntu_dists_" + c + "-updates_universe_binary-amd64_Packages.lz4"));
    }

    static PackageCatalog packages(String codename) {
        int col = codename.equals("bookworm") ? 0 : codename.equals("jammy") ? 1 : 2;
        String[][] table = {
            {"curl", "7.88.1-10+deb12u12", "7.81.0-1ubuntu1.20", "8.5.0-2ubuntu10.6", "500|315|libcurl4,ca-certificates|/usr/bin/curl:309896"},
            {"libcurl4", "7.88.1-10+deb12u12", "7.81.0-1ubuntu1.20", "8.5.0-2ubuntu10.6", "1012|390|libnghttp2-14,libpsl5,librtmp1,libssh2-1|" + LIB + "libcurl.so.4:715584"},
            {"libnghttp2-14", "1.52.0-1+deb12u2", "1.43.0-1ubuntu0.2", "1.59.0-1ubuntu0.1", "210|74||" + LIB + "libnghttp2.so.14:174344"},
            {"libpsl5", "0.21.2-1", "0.21.0-1.2build2", "0.21.2-1.1build1", "95|58||" + LIB + "libpsl.so.5:67840"},
            {"librtmp1", "2.4+20151223.gitfa8646d.1-2+b2", "2.4+20151223.gitfa8646d.1-2build4", "2.4+20151223.gitfa8646d.1-2build7", "145|59||" + LIB + "librtmp.so.1:125064"},
            {"libssh2-1", "1.10.0-3+b1", "1.10.0-3", "1.11.0-4.1build2", "290|179||" + LIB + "libssh2.so.1:281576"},
            {"ca-certificates", "20230311", "20240203~22.04.1", "20240203", "392|153|openssl|/etc/ssl/certs/ca-certificates.crt:219342"},
            {"openssl", "3.0.16-1~deb12u1", "3.0.2-0ubuntu1.19", "3.0.13-0ubuntu3.5", "2303|1427||/usr/bin/openssl:1005600"},
            {"nginx", "1.22.1-9+deb12u2", "1.18.0-6ubuntu14.6", "1.24.0-2ubuntu7.3", "1375|527|nginx-common,libpcre2-posix3|/usr/sbin/nginx:1296120"},
            {"nginx-common", "1.22.1-9+deb12u2", "1.18.0-6ubuntu14.6", "1.24.0-2ubuntu7.3", "417|112||/etc/nginx/nginx.conf:1447,/etc/nginx/sites-available/default:2412,/var/www/html/index.nginx-debian.html:615"},
            {"libpcre2-posix3", "10.42-1", "10.39-3ubuntu0.1", "10.42-4ubuntu2.1", "44|10||" + LIB + "libpcre2-posix.so.3:14416"},
            {"python3", "3.11.2-1+b1", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "87|26|python3-minimal,libpython3-stdlib|/usr/bin/python3:6831736"},
            {"python3-minimal", "3.11.2-1+b1", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "5120|1963||/usr/bin/python3-minimal:6831736"},
            {"libpython3-stdlib", "3.11.2-1+b1", "3.10.6-1~22.04.1", "3.12.3-0ubuntu2", "24890|5430||/usr/lib/python3/dist-packages/README.txt:142"},
            {"git", "1:2.39.5-0+deb12u2", "1:2.34.1-1ubuntu1.12", "1:2.43.0-1ubuntu7.2", "39202|7261|git-man,liberror-perl,perl|/usr/bin/git:3987776"},
            {"git-man", "1:2.39.5-0+deb12u2", "1:2.34.1-1ubuntu1.12", "1:2.43.0-1ubuntu7.2", "2011|2053||"},
            {"liberror-perl", "0.17029-2", "0.17029-1", "0.17029-2", "45|26|perl|"},
            {"perl", "5.36.0-7+deb12u2", "5.34.0-3ubuntu1.4", "5.38.2-3.2ubuntu0.1", "18527|3175||/usr/bin/perl:3963904"},
            {"vim", "2:9.0.1378-2+deb12u2", "2:8.2.3995-1ubuntu2.24", "2:9.1.0016-1ubuntu7.8", "3743|1569|vim-common,vim-runtime,xxd|/usr/bin/vim.basic:3766504"},
            {"vim-common", "2:9.0.1378-2+deb12u2", "2:8.2.3995-1ubuntu2.24", "2:9.1.0016-1ubuntu7.8", "401|173||"},
            {"vim-runtime", "2:9.0.1378-2+deb12u2", "2:8.2.3995-1ubuntu2.24", "2:9.1.0016-1ubuntu7.8", "36510|7083||"},
            {"xxd", "2:9.0.1378-2+deb12u2", "2:8.2.3995-1ubuntu2.24", "2:9.1.0016-1ubuntu7.8", "211|85||/usr/bin/xxd:18664"},
            {"iputils-ping", "3:20221126-1+deb12u1", "3:20211215-1", "3:20240117-1build1", "115|47|libcap2-bin|/usr/bin/ping:90568"},
            {"libcap2-bin", "1:2.66-4+deb12u1", "1:2.44-1ubuntu0.22.04.2", "1:2.66-5ubuntu2.2", "120|34||/usr/sbin/setcap:14568"},
            {"procps", "2:4.0.2-3", "2:3.3.17-6ubuntu2.1", "2:4.0.4-4ubuntu3.2", "2040|709|libproc2-0|/usr/bin/ps:146928,/usr/bin/top:138504,/usr/bin/free:27008"},
            {"libproc2-0", "2:4.0.2-3", "2:3.3.17-6ubuntu2.1", "2:4.0.4-4ubuntu3.2", "250|62||" + LIB + "libproc2.so.0:92800"},
            {"wget", "1.21.3-1+b1", "1.21.2-2ubuntu1.1", "1.21.4-1ubuntu4.1", "3680|984|libpsl5|/usr/bin/wget:511536"},
        };
        String[] rows = new String[table.length];
        for (int i = 0; i < table.length; i++) {
            rows[i] = table[i][0] + "|" + table[i][1 + col] + "|" + table[i][4];
        }
        return PackageCatalog.ofRows(rows);
    }
}
