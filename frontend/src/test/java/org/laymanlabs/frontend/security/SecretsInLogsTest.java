package org.laymanlabs.frontend.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.LaymanLabsApplication;
import org.laymanlabs.backend.account.Accounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * No secret reaches the log: the app starts with the admin password from its settings, people
 * sign in (rightly and wrongly) through the UI's form and the API, and a sandbox token is issued,
 * all with our own and Spring Security's debug logging on. Neither a password nor the token nor
 * a session id appears in what the app printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest {

    private static final String ADMIN_PASSWORD = "Adm1n-Secret-Pa55phrase";
    private static final String LEARNER_PASSWORD = "Learner-Secret-Pa55phrase";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void passwordsTokensAndSessionIdsStayOutOfTheLog(CapturedOutput output) throws Exception {
        String token;
        String session;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LaymanLabsApplication.class).run(
                "--server.port=0", "--layman.data-dir=" + dataDir, "--layman.engine-api.enabled=false",
                "--layman.accounts.admin-password=" + ADMIN_PASSWORD,
                "--logging.level.org.laymanlabs=DEBUG", "--logging.level.org.springframework.security=DEBUG")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();

            form(base, "admin", "wrong " + ADMIN_PASSWORD);
            HttpResponse<String> signedIn = form(base, "admin", ADMIN_PASSWORD);
            session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElseThrow();
            app.getBean(Accounts.class).register("ada", LEARNER_PASSWORD);
            send(base, "GET", "/api/me", basic("ada", "wrong " + LEARNER_PASSWORD), null);
            String attempt = json.readTree(send(base, "POST", "/api/labs/images-and-containers/attempt",
                    basic("ada", LEARNER_PASSWORD), null).body()).get("id").asText();
            JsonNode issued = json.readTree(send(base, "POST", "/api/attempts/" + attempt + "/tokens",
                    basic("ada", LEARNER_PASSWORD), null).body());
            token = issued.get("token").asText();
        }

        assertThat(token).isNotBlank();
        assertThat(output.getAll())
                .contains("Created the admin account 'admin' with the password from LAYMAN_ADMIN_PASSWORD")
                .doesNotContain(ADMIN_PASSWORD, LEARNER_PASSWORD, token, session)
                .doesNotContainIgnoringCase("jsessionid=");
    }

    private HttpResponse<String> form(String base, String username, String password) throws Exception {
        String body = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String base, String method, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
