package org.laymanlabs.sandbox.image.packages;

/** Alpine's main and community repositories for 3.20, 3.21 and 3.22 as of June 2025. */
final class AlpineArchive {

    private AlpineArchive() {
    }

    static int basePackages(String minor) {
        return minor.equals("3.22") ? 16 : minor.equals("3.21") ? 15 : 14;
    }

    /** What the base image's packages take, so "OK: 8 MiB in 16 packages" holds before anything is added. */
    static long baseBytes() {
        return 8_050_000;
    }

    static String busyboxTrigger(String minor) {
        return (minor.equals("3.22") ? "busybox-1.37.0-r18" : minor.equals("3.21") ? "busybox-1.37.0-r12"
                : "busybox-1.36.1-r29") + ".trigger";
    }

    static PackageCatalog packages(String minor) {
        int col = minor.equals("3.22") ? 0 : minor.equals("3.21") ? 1 : 2;
        String[][] table = {
            {"curl", "8.14.1-r1", "8.12.1-r1", "8.12.1-r0", "258|0|libcurl|/usr/bin/curl:251080"},
            {"libcurl", "8.14.1-r1", "8.12.1-r1", "8.12.1-r0", "578|0|brotli-libs,c-ares,libidn2,libpsl,nghttp2-libs,zstd-libs|/usr/lib/libcurl.so.4:566864"},
            {"brotli-libs", "1.1.0-r2", "1.1.0-r2", "1.1.0-r2", "726|0||/usr/lib/libbrotlicommon.so.1:137464"},
            {"c-ares", "1.34.5-r0", "1.34.5-r0", "1.33.1-r0", "198|0||/usr/lib/libcares.so.2:190784"},
            {"libidn2", "2.3.7-r0", "2.3.7-r0", "2.3.7-r0", "291|0|libunistring|/usr/lib/libidn2.so.0:120712"},
            {"libunistring", "1.3-r0", "1.2-r0", "1.2-r0", "1791|0||/usr/lib/libunistring.so.5:1768504"},
            {"libpsl", "0.21.5-r3", "0.21.5-r3", "0.21.5-r1", "66|0||/usr/lib/libpsl.so.5:62296"},
            {"nghttp2-libs", "1.65.0-r0", "1.64.0-r0", "1.62.1-r0", "169|0||/usr/lib/libnghttp2.so.14:164736"},
            {"zstd-libs", "1.5.7-r0", "1.5.6-r2", "1.5.6-r0", "755|0||/usr/lib/libzstd.so.1:743944"},
            {"bash", "5.2.37-r0", "5.2.37-r0", "5.2.26-r0", "1250|0|readline|/bin/bash:1242656"},
            {"readline", "8.2.13-r1", "8.2.13-r0", "8.2.10-r0", "287|0|libncursesw|/usr/lib/libreadline.so.8:276184"},
            {"libncursesw", "6.5_p20250503-r0", "6.5_p20241006-r3", "6.4_p20240420-r2", "347|0|ncurses-terminfo-base|/usr/lib/libncursesw.so.6:335752"},
            {"ncurses-terminfo-base", "6.5_p20250503-r0", "6.5_p20241006-r3", "6.4_p20240420-r2", "42|0||"},
            {"nginx", "1.28.0-r3", "1.26.3-r0", "1.26.3-r0", "1455|0|pcre2|/usr/sbin/nginx:1400224"},
            {"pcre2", "10.43-r1", "10.43-r0", "10.43-r0", "646|0||/usr/lib/libpcre2-8.so.0:628720"},
            {"python3", "3.12.11-r0", "3.12.10-r1", "3.12.10-r0", "39846|0|gdbm,libbz2,libffi,mpdecimal,sqlite-libs,xz-libs,readline|/usr/bin/python3.12:14472,/usr/lib/libpython3.12.so.1.0:5636744"},
            {"gdbm", "1.24-r0", "1.24-r0", "1.23-r1", "179|0||"},
            {"libbz2", "1.0.8-r6", "1.0.8-r6", "1.0.8-r6", "80|0||"},
            {"libffi", "3.4.8-r0", "3.4.7-r0", "3.4.6-r0", "46|0||"},
            {"mpdecimal", "4.0.1-r0", "4.0.0-r0", "4.0.0-r0", "287|0||"},
            {"sqlite-libs", "3.49.2-r0", "3.48.0-r2", "3.45.3-r2", "1632|0||"},
            {"xz-libs", "5.8.1-r0", "5.6.3-r1", "5.6.2-r1", "177|0||"},
        };
        String[] rows = new String[table.length];
        for (int i = 0; i < table.length; i++) {
            rows[i] = table[i][0] + "|" + table[i][1 + col] + "|" + table[i][4];
        }
        return PackageCatalog.ofRows(rows);
    }
}
