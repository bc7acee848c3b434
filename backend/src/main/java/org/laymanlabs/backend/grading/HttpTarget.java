package org.laymanlabs.backend.grading;

/**
 * A check's {@code http://host[:port]/path}, and the request curl 7.88 sends for it.
 *
 * @param hostHeader the Host header: an ingress host, or by default the URL's host as curl sends it
 */
record HttpTarget(String host, int port, String path, String hostHeader) {

    static HttpTarget parse(String url, String hostHeader) {
        String rest = url.substring("http://".length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        int port = colon < 0 ? 80 : Integer.parseInt(authority.substring(colon + 1));
        String header = hostHeader != null ? hostHeader : colon < 0 ? host : authority;
        return new HttpTarget(host, port, path, header);
    }

    /** curl's request line and headers for a plain GET. */
    String request() {
        return "GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
    }
}
