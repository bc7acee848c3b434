package org.laymanlabs.backend.grading;

/** The status and body of an HTTP/1.x response as a server in the sandbox wrote it. */
record HttpResponse(int status, String body) {

    static HttpResponse parse(String raw) {
        int lineEnd = raw.indexOf("\r\n");
        String statusLine = lineEnd < 0 ? raw : raw.substring(0, lineEnd);
        String[] parts = statusLine.split(" ", 3);
        int status = 0;
        if (parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].matches("[0-9]{3}")) {
            status = Integer.parseInt(parts[1]);
        }
        int headersEnd = raw.indexOf("\r\n\r\n");
        return new HttpResponse(status, headersEnd < 0 ? "" : raw.substring(headersEnd + 4));
    }
}
