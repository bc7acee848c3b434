package org.laymanlabs.sandbox.container.program;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The timestamps servers print: HTTP's Date header, nginx's access and error logs. */
final class HttpDates {

    private static final DateTimeFormatter HTTP =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ACCESS_LOG =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ERROR_LOG =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    static String http(Instant at) {
        return HTTP.format(at);
    }

    static String accessLog(Instant at) {
        return ACCESS_LOG.format(at);
    }

    static String errorLog(Instant at) {
        return ERROR_LOG.format(at);
    }
}
