package org.laymanlabs.sandbox.net.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpRequestTest {

    @Test
    void keepsTheClientsHeadersInTheOrderItSentThem() {
        String wire = "GET / HTTP/1.1\r\nHost: web\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\nX-B: 2\r\nX-A: 1\r\n\r\n";

        HttpRequest request = HttpRequest.parse(wire).orElseThrow();

        assertThat(request.headers().keySet()).containsExactly("Host", "User-Agent", "Accept", "X-B", "X-A");
        assertThat(request.toWire()).isEqualTo(wire);
        assertThat(request.header("user-agent")).contains("curl/7.88.1");
    }
}
