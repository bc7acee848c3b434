package org.laymanlabs.sandbox.net.curl;

import java.util.Locale;

/** The parts of a URL curl needs to make a request: scheme, host, port and request target. */
record CurlUrl(String scheme, String host, int port, String target) {

    static CurlUrl parse(String url) {
        String rest = url;
        String scheme = "http";
        int schemeEnd = url.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = url.substring(schemeEnd + 3);
        }
        if (!scheme.equals("http")) {
            throw CurlFailure.of(1, "Protocol \"" + scheme + "\" not supported or disabled in libcurl");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String target = slash < 0 ? "/" : rest.substring(slash);
        String host = authority;
        int port = 80;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            String digits = authority.substring(colon + 1);
            if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
                throw CurlFailure.of(3, "URL using bad/illegal format or missing URL");
            }
            port = Integer.parseInt(digits);
        }
        if (host.isEmpty() || host.contains("[") || host.contains("@")) {
            throw CurlFailure.of(3, "URL using bad/illegal format or missing URL");
        }
        return new CurlUrl(scheme, host, port, target);
    }

    /** The Host header: the port is left out when it is the scheme's default. */
    String hostHeader() {
        return port == 80 ? host : host + ":" + port;
    }
}
