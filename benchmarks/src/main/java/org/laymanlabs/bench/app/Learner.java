package org.laymanlabs.bench.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated learner, signed in as a browser is: a session cookie from the login form, and
 * the CSRF token that a request riding on that cookie must carry. Signing in checks the password
 * once; after that each command costs what the browser's command costs.
 */
final class Learner {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final HttpClient http;
    private final URI base;
    private String cookie = "";
    private String csrf;
    private String attempt;

    Learner(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** Signs in through the login form, as a browser does, and starts the lab (its sandbox is made on the first command). */
    void signInAndStart(String username, String password, String labId) throws IOException, InterruptedException {
        refreshCsrf();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        expect(send(withCookie(HttpRequest.newBuilder(base.resolve("/login"))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))), 302);
        refreshCsrf(); // signing in gives a new session and a new token
        HttpResponse<String> started = expect(send(withSession(HttpRequest.newBuilder(base.resolve("/api/labs/" + labId + "/attempt")))
                .POST(HttpRequest.BodyPublishers.noBody())), 200);
        Matcher id = ID.matcher(started.body());
        if (!id.find()) {
            throw new IllegalStateException("no attempt id in " + started.body());
        }
        attempt = id.group(1);
    }

    /** One terminal line, as the browser sends it; completes with the HTTP status and body. */
    CompletableFuture<HttpResponse<String>> run(String line) {
        String json = "{\"line\":\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = withSession(HttpRequest.newBuilder(base.resolve("/api/attempts/" + attempt + "/commands")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private void refreshCsrf() throws IOException, InterruptedException {
        HttpResponse<String> page = expect(send(withCookie(HttpRequest.newBuilder(base.resolve("/login"))).GET()), 200);
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        csrf = token.group(1);
    }

    private HttpRequest.Builder withSession(HttpRequest.Builder request) {
        return withCookie(request).header("X-CSRF-TOKEN", csrf);
    }

    private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
        return cookie.isEmpty() ? request : request.header("Cookie", cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(c -> {
            Matcher session = SESSION.matcher(c);
            if (session.find()) {
                cookie = "JSESSIONID=" + session.group(1);
            }
        });
        return response;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
