package org.laymanlabs.backend.web.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.laymanlabs.backend.BackendTestApplication;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.TestCourse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The REST API tests' shared app: the real services and an H2 file in a temporary folder, with
 * the test course standing in for the lab package. One folder for every class, so that Spring
 * starts the app once.
 */
@SpringBootTest(classes = {BackendTestApplication.class, TestCourse.class})
@AutoConfigureMockMvc
abstract class ApiTestBase {

    static final String PASSWORD = "correct horse";
    private static final Path DATA_DIR = createDataDir();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("layman.data-dir", DATA_DIR::toString);
        registry.add("layman.sessions.tick", () -> "0");
        registry.add("layman.accounts.admin-password", () -> "admin password");
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("layman-api-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new account with a unique name, signed in by HTTP Basic. */
    RequestPostProcessor account(String name, Role role) {
        return httpBasic(newAccount(name, role), PASSWORD);
    }

    /** A new account's name, unique across the tests that share the app. */
    String newAccount(String name, Role role) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, PASSWORD, role);
        return username;
    }

    static RequestPostProcessor admin() {
        return httpBasic("admin", "admin password");
    }

    JsonNode call(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(request.with(who)).andExpect(status().is2xxSuccessful())
                .andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? json.nullNode() : json.readTree(body);
    }

    static MockHttpServletRequestBuilder postJson(String url, Object body, Object... vars) throws Exception {
        return post(url, vars).contentType(MediaType.APPLICATION_JSON).content(new ObjectMapper().writeValueAsString(body));
    }
}
