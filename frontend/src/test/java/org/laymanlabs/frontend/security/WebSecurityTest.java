package org.laymanlabs.frontend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.frontend.AppTest;
import org.laymanlabs.frontend.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running app's web security, over real HTTP: headers, the session cookie, sign-in and its throttle, CSRF. */
@AppTest
class WebSecurityTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(WebSecurity.CONTENT_SECURITY_POLICY);
        assertThat(WebSecurity.CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'", "object-src 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aVisitorIsSentToSignInForAnInstructorPageButSeesTheCatalog() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> classrooms = get("/classrooms");

        assertThat(classrooms.statusCode()).isEqualTo(302);
        assertThat(location(classrooms)).endsWith("/login");
        assertThat(get("/labs/images-and-containers").statusCode()).isEqualTo(302);
    }

    @Test
    void theRightPasswordSignsInAndAWrongOneComesBackWithAnError() throws Exception {
        String ada = SignIn.newAccount(accounts, "ada", Role.LEARNER);

        HttpResponse<String> wrong = signIn(ada, "not the password");
        HttpResponse<String> right = signIn(ada, SignIn.PASSWORD);

        assertThat(location(wrong)).endsWith("/login?error");
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(location(right)).doesNotContain("login");
    }

    @Test
    void fiveWrongPasswordsWithinAMinuteLockTheNameOutEvenWithTheRightOne() throws Exception {
        String ada = SignIn.newAccount(accounts, "ada", Role.LEARNER);
        for (int i = 0; i < 5; i++) {
            assertThat(location(signIn(ada, "guess " + i))).endsWith("/login?error");
        }

        HttpResponse<String> locked = signIn(ada, SignIn.PASSWORD);

        assertThat(location(locked)).matches(".*/login\\?locked=\\d+");
        int seconds = Integer.parseInt(location(locked).replaceAll(".*locked=", ""));
        assertThat(seconds).isBetween(1, 60);
        assertThat(location(signIn(SignIn.newAccount(accounts, "grace", Role.LEARNER), SignIn.PASSWORD)))
                .as("another name from the same address is not locked").doesNotContain("login");
    }

    @Test
    void aFormPostThatIsNotVaadinsOwnIsIgnoredWithoutTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String grace = SignIn.newAccount(accounts, "grace", Role.INSTRUCTOR);
        String form = "username=" + grace + "&password=" + URLEncoder.encode(SignIn.PASSWORD, StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/classrooms"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(location(forged)).doesNotContain("logout");
        assertThat(after.statusCode()).as("still signed in: the forged sign-out did nothing").isEqualTo(200);
    }

    @Test
    void theSessionIdNeverTravelsInAUrl() throws Exception {
        HttpResponse<String> classrooms = get("/classrooms");

        assertThat(location(classrooms)).doesNotContainIgnoringCase("jsessionid");
    }
}
