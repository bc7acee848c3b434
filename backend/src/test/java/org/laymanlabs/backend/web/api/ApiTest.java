package org.laymanlabs.backend.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.TestCourse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class ApiTest extends ApiTestBase {

    private static final String LAB = TestCourse.LAB;

    @Autowired
    Attempts attempts;

    private String startLab(RequestPostProcessor learner) throws Exception {
        return call(post("/api/labs/{lab}/attempt", LAB), learner).get("id").asText();
    }

    @Test
    void aLearnerRunsCommandsSavesFilesChecksAStepAndTakesAHint() throws Exception {
        RequestPostProcessor ada = account("ada", Role.LEARNER);
        String attempt = startLab(ada);

        call(put("/api/attempts/{id}/files", attempt).contentType("application/json")
                .content("{\"path\":\"/home/learner/notes.txt\",\"content\":\"done\\n\"}"), ada);
        JsonNode ran = call(postJson("/api/attempts/{id}/commands", Map.of("line", "docker run -d --name web nginx; cat nope"), attempt), ada);
        JsonNode check = call(post("/api/attempts/{id}/steps/web/checks", attempt), ada);
        JsonNode hint = call(post("/api/attempts/{id}/steps/web/hints", attempt), ada);
        JsonNode progress = call(get("/api/attempts/{id}", attempt), ada);

        assertThat(ran.get("exitCode").asInt()).isEqualTo(1);
        assertThat(ran.get("stdout").asText()).hasSize(65);
        assertThat(ran.get("stderr").asText()).startsWith("Unable to find image").endsWith("\ncat: nope: No such file or directory\n");
        assertThat(check.get("passed").asBoolean()).isTrue();
        assertThat(check.at("/results/0/message").asText()).isEqualTo("container web is running");
        assertThat(hint.get("text").asText()).isEqualTo("Try docker run.");
        assertThat(progress.at("/steps/0/completed").asBoolean()).isTrue();
        assertThat(progress.at("/steps/0/hintsUsed").asInt()).isEqualTo(1);
        assertThat(call(get("/api/attempts/{id}/files", attempt).param("path", "/home/learner/notes.txt"), ada)
                .get("content").asText()).isEqualTo("done\n");
        assertThat(call(get("/api/attempts/{id}/history", attempt), ada).get(0).get("line").asText())
                .isEqualTo("docker run -d --name web nginx; cat nope");
    }

    @Test
    void finishingTheLastStepCompletesTheLabAndResettingAStepUndoesIt() throws Exception {
        RequestPostProcessor ada = account("ada", Role.LEARNER);
        String attempt = startLab(ada);
        call(postJson("/api/attempts/{id}/commands", Map.of("line", "docker run -d --name web nginx"), attempt), ada);
        call(post("/api/attempts/{id}/steps/web/checks", attempt), ada);
        call(postJson("/api/attempts/{id}/commands", Map.of("line", "echo done > notes.txt"), attempt), ada);
        assertThat(call(post("/api/attempts/{id}/steps/notes/checks", attempt), ada).get("passed").asBoolean()).isTrue();
        assertThat(call(get("/api/attempts/{id}", attempt), ada).get("completedAt").isNull()).isFalse();

        JsonNode reset = call(post("/api/attempts/{id}/steps/notes/reset", attempt), ada);

        assertThat(reset.at("/steps/0/completed").asBoolean()).isTrue();
        assertThat(reset.at("/steps/1/completed").asBoolean()).isFalse();
        JsonNode ls = call(postJson("/api/attempts/{id}/commands", Map.of("line", "ls; docker ps --format '{{.Names}}'"), attempt), ada);
        assertThat(ls.get("stdout").asText()).isEqualTo("web\n");
    }

    @Test
    void resettingTheLabStartsANewAttemptWithAFreshSandbox() throws Exception {
        RequestPostProcessor ada = account("ada", Role.LEARNER);
        String first = startLab(ada);
        call(postJson("/api/attempts/{id}/commands", Map.of("line", "docker run -d --name web nginx"), first), ada);

        String second = call(post("/api/attempts/{id}/reset", first), ada).get("id").asText();

        assertThat(second).isNotEqualTo(first);
        assertThat(call(postJson("/api/attempts/{id}/commands", Map.of("line", "docker ps -q"), second), ada)
                .get("stdout").asText()).isEmpty();
        mvc.perform(postJson("/api/attempts/{id}/commands", Map.of("line", "ls"), first).with(ada))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("attempt " + first + " has ended; its lab was reset"));
    }

    @Test
    void aTokenOpensItsSandboxUntilRevoked() throws Exception {
        RequestPostProcessor ada = account("ada", Role.LEARNER);
        String attempt = startLab(ada);
        call(postJson("/api/attempts/{id}/commands", Map.of("line", "docker run -d --name web nginx"), attempt), ada);

        String token = call(post("/api/attempts/{id}/tokens", attempt), ada).get("token").asText();

        assertThat(token).startsWith("llsbx_");
        assertThat(attempts.sandboxForToken(token)).hasValueSatisfying(sandbox -> assertThat(
                sandbox.run("docker ps --format '{{.Names}}'").join().stdout()).isEqualTo("web\n"));
        assertThat(attempts.sandboxForToken(token + "x")).isEmpty();
        assertThat(call(delete("/api/attempts/{id}/tokens", attempt), ada).get("revoked").asInt()).isEqualTo(1);
        assertThat(attempts.sandboxForToken(token)).isEmpty();
    }

    @Test
    void anInstructorOpensAClassroomLearnersJoinAndTheProgressComesAsCsv() throws Exception {
        RequestPostProcessor ian = account("ian", Role.INSTRUCTOR);
        JsonNode classroom = call(postJson("/api/classrooms", Map.of("name", "Docker, Tuesday")), ian);
        String code = classroom.get("joinCode").asText();
        RequestPostProcessor ada = account("ada", Role.LEARNER);
        call(postJson("/api/classrooms/join", Map.of("code", code.toLowerCase())), ada);
        String attempt = startLab(ada);
        call(postJson("/api/attempts/{id}/commands", Map.of("line", "docker run -d --name web nginx"), attempt), ada);
        call(post("/api/attempts/{id}/steps/web/checks", attempt), ada);

        String csv = mvc.perform(get("/api/classrooms/{id}/progress.csv", classroom.get("id").asText()).with(ian))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("username,lab,started_at,completed_at,steps_completed,steps_total,check_runs,hints_used\r\n");
        assertThat(csv.split("\r\n")[1]).startsWith("ada-").contains("," + LAB + ",").endsWith(",,1,2,1,0");
    }

    @Test
    void badInputGetsAProblemThatSaysWhatWasWrong() throws Exception {
        RequestPostProcessor ada = account("ada", Role.LEARNER);
        String attempt = startLab(ada);

        mvc.perform(put("/api/attempts/{id}/files", attempt).with(ada).contentType("application/json")
                        .content("{\"path\":\"notes.txt\",\"content\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("notes.txt: a workspace path must be absolute, e.g. /home/learner/web.yaml"));
        mvc.perform(post("/api/attempts/{id}/steps/nope/checks", attempt).with(ada))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("step nope not found"));
        mvc.perform(post("/api/labs/{lab}/attempt", "no-such-lab").with(ada))
                .andExpect(status().isNotFound());
        mvc.perform(postJson("/api/classrooms", Map.of("name", "mine")).with(ada))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("only instructors and admins can open classrooms"));
    }

    @Test
    void selfRegistrationMakesALearnerWhoCanSignIn() throws Exception {
        String name = "new-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(postJson("/api/accounts", Map.of("username", name, "password", "long enough")).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("LEARNER"));

        assertThat(call(get("/api/me"), httpBasic(name, "long enough")).get("username").asText()).isEqualTo(name);
        mvc.perform(get("/api/me").with(httpBasic(name, "wrong password"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aCookieSessionNeedsTheCsrfTokenToChangeAnything() throws Exception {
        String username = newAccount("ada", Role.LEARNER);
        String attempt = startLab(httpBasic(username, PASSWORD));
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", username).param("password", PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();

        mvc.perform(postJson("/api/attempts/{id}/commands", Map.of("line", "ls"), attempt).session(session))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("/api/attempts/{id}/commands", Map.of("line", "ls"), attempt).session(session).with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void repeatedWrongPasswordsOverHttpBasicAreRefusedWith429AndRetryAfter() throws Exception {
        String name = newAccount("guessed", Role.LEARNER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic(name, "wrong " + i))).andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/me").with(httpBasic(name, PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("too many failed sign-ins: try again in ")));
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/attempts/{attemptId}/commands'].post.summary")
                        .value("Run one shell line in the attempt's sandbox, as if typed in its terminal"))
                .andExpect(jsonPath("$.paths['/api/classrooms/{classroomId}/progress.csv']").exists());
    }
}
