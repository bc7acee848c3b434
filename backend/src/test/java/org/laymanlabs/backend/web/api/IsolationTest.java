package org.laymanlabs.backend.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.TestCourse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two learners (ada, bea), ada's instructor (ian), another instructor (ivy) and the admin, on
 * every endpoint of the REST API: nobody but ada reaches ada's sandbox or attempt, nobody but ian
 * (and the admin) sees ian's classroom, nobody signed out gets anything, and after all of it ada's
 * data is as it was. The list of endpoints is read from Spring MVC, so a new endpoint without a
 * case here fails the test.
 */
class IsolationTest extends ApiTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One endpoint's case: a request for it, and what each stranger must get. */
    private record Case(Supplier<MockHttpServletRequestBuilder> request, Probe strangers) {
    }

    @FunctionalInterface
    private interface Probe {
        void run(Supplier<MockHttpServletRequestBuilder> request) throws Exception;
    }

    private RequestPostProcessor ada;
    private RequestPostProcessor bea;
    private RequestPostProcessor ian;
    private RequestPostProcessor ivy;
    private String attempt;
    private String classroom;
    private String adaName;

    @Test
    void everyEndpointKeepsEachLearnersDataToThemselvesAndEachClassroomToItsInstructor() throws Exception {
        setUpTheClass();
        JsonNode before = adasData();
        Map<String, Case> cases = cases();

        assertThat(new TreeSet<>(cases.keySet())).isEqualTo(endpoints());
        for (Map.Entry<String, Case> endpoint : cases.entrySet()) {
            Case c = endpoint.getValue();
            c.strangers().run(c.request());
            if (!endpoint.getKey().equals("POST /api/accounts")) {
                mvc.perform(c.request().get().with(csrf())).andExpect(status().isUnauthorized());
            }
        }

        assertThat(adasData()).isEqualTo(before);
    }

    private void setUpTheClass() throws Exception {
        adaName = newAccount("ada", Role.LEARNER);
        ada = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(adaName, PASSWORD);
        bea = account("bea", Role.LEARNER);
        ian = account("ian", Role.INSTRUCTOR);
        ivy = account("ivy", Role.INSTRUCTOR);
        attempt = call(post("/api/labs/{lab}/attempt", TestCourse.LAB), ada).get("id").asText();
        call(postJson("/api/attempts/{id}/commands", Map.of("line", "docker run -d --name web nginx"), attempt), ada);
        call(put("/api/attempts/{id}/files", attempt).contentType("application/json")
                .content("{\"path\":\"/home/learner/notes.txt\",\"content\":\"mine\"}"), ada);
        call(post("/api/attempts/{id}/steps/web/checks", attempt), ada);
        call(post("/api/attempts/{id}/steps/web/hints", attempt), ada);
        call(post("/api/attempts/{id}/tokens", attempt), ada);
        JsonNode opened = call(postJson("/api/classrooms", Map.of("name", "ian's class")), ian);
        classroom = opened.get("id").asText();
        call(postJson("/api/classrooms/join", Map.of("code", opened.get("joinCode").asText())), ada);
    }

    /** Everything of ada's that an endpoint could show or change. */
    private JsonNode adasData() throws Exception {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        data.put("progress", call(get("/api/attempts/{id}", attempt), ada));
        data.put("history", call(get("/api/attempts/{id}/history", attempt), ada));
        data.put("files", call(get("/api/attempts/{id}/files", attempt), ada));
        data.put("notes", call(get("/api/attempts/{id}/files", attempt).param("path", "/home/learner/notes.txt"), ada));
        data.put("checks", call(get("/api/attempts/{id}/checks", attempt), ada));
        data.put("attempts", call(get("/api/attempts"), ada));
        data.put("report", call(get("/api/classrooms/{id}/progress", classroom), ian));
        return json.valueToTree(data);
    }

    private Map<String, Case> cases() throws Exception {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("GET /api/labs", new Case(() -> get("/api/labs"), r -> ok(r, bea)));
        cases.put("GET /api/labs/{labId}", new Case(() -> get("/api/labs/{lab}", TestCourse.LAB), r -> ok(r, bea)));
        cases.put("POST /api/labs/{labId}/attempt", new Case(() -> post("/api/labs/{lab}/attempt", TestCourse.LAB),
                r -> assertThat(call(r.get(), bea).get("id").asText()).isNotEqualTo(attempt)));
        cases.put("GET /api/attempts", new Case(() -> get("/api/attempts"),
                r -> assertThat(call(r.get(), bea).toString()).doesNotContain(attempt)));
        cases.put("GET /api/progress", new Case(() -> get("/api/progress"),
                r -> assertThat(call(r.get(), bea).toString()).doesNotContain(attempt)));
        cases.put("GET /api/me", new Case(() -> get("/api/me"),
                r -> assertThat(call(r.get(), bea).toString()).doesNotContain(adaName)));
        cases.put("POST /api/accounts", new Case(() -> json("/api/accounts", Map.of("username", adaName, "password", "taken over")),
                r -> mvc.perform(r.get().with(csrf())).andExpect(status().isBadRequest())));

        adasAttempt(cases, "GET /api/attempts/{attemptId}", () -> get("/api/attempts/{id}", attempt));
        adasAttempt(cases, "POST /api/attempts/{attemptId}/commands",
                () -> json("/api/attempts/{id}/commands", Map.of("line", "docker rm -f web"), attempt));
        adasAttempt(cases, "GET /api/attempts/{attemptId}/history", () -> get("/api/attempts/{id}/history", attempt));
        adasAttempt(cases, "POST /api/attempts/{attemptId}/steps/{stepId}/checks",
                () -> post("/api/attempts/{id}/steps/web/checks", attempt));
        adasAttempt(cases, "GET /api/attempts/{attemptId}/checks", () -> get("/api/attempts/{id}/checks", attempt));
        adasAttempt(cases, "POST /api/attempts/{attemptId}/steps/{stepId}/hints",
                () -> post("/api/attempts/{id}/steps/web/hints", attempt));
        adasAttempt(cases, "POST /api/attempts/{attemptId}/steps/{stepId}/reset",
                () -> post("/api/attempts/{id}/steps/web/reset", attempt));
        adasAttempt(cases, "POST /api/attempts/{attemptId}/reset", () -> post("/api/attempts/{id}/reset", attempt));
        adasAttempt(cases, "POST /api/attempts/{attemptId}/tokens", () -> post("/api/attempts/{id}/tokens", attempt));
        adasAttempt(cases, "DELETE /api/attempts/{attemptId}/tokens", () -> delete("/api/attempts/{id}/tokens", attempt));
        adasAttempt(cases, "GET /api/attempts/{attemptId}/files", () -> get("/api/attempts/{id}/files", attempt));
        adasAttempt(cases, "GET /api/attempts/{attemptId}/files ?path",
                () -> get("/api/attempts/{id}/files", attempt).param("path", "/home/learner/notes.txt"));
        adasAttempt(cases, "PUT /api/attempts/{attemptId}/files", () -> put("/api/attempts/{id}/files", attempt)
                .contentType("application/json").content("{\"path\":\"/home/learner/notes.txt\",\"content\":\"theirs\"}"));
        adasAttempt(cases, "DELETE /api/attempts/{attemptId}/files ?path",
                () -> delete("/api/attempts/{id}/files", attempt).param("path", "/home/learner/notes.txt"));

        cases.put("POST /api/classrooms", new Case(() -> json("/api/classrooms", Map.of("name", "x")),
                r -> mvc.perform(r.get().with(bea)).andExpect(status().isForbidden())));
        cases.put("GET /api/classrooms", new Case(() -> get("/api/classrooms"), r -> {
            assertThat(call(r.get(), ivy).toString()).doesNotContain(classroom);
            assertThat(call(r.get(), bea).size()).isZero();
            assertThat(call(r.get(), ada).get(0).get("joinCode").isNull()).isTrue();
        }));
        cases.put("POST /api/classrooms/join", new Case(() -> json("/api/classrooms/join", Map.of("code", "NOTACODE")),
                r -> mvc.perform(r.get().with(bea)).andExpect(status().isNotFound())));
        iansClassroom(cases, "GET /api/classrooms/{classroomId}", () -> get("/api/classrooms/{id}", classroom));
        iansClassroom(cases, "GET /api/classrooms/{classroomId}/progress", () -> get("/api/classrooms/{id}/progress", classroom));
        iansClassroom(cases, "GET /api/classrooms/{classroomId}/progress.csv",
                () -> get("/api/classrooms/{id}/progress.csv", classroom));
        return cases;
    }

    /** Ada's attempt: the other learner, her own instructor and the admin all find nothing there. */
    private void adasAttempt(Map<String, Case> cases, String endpoint, Supplier<MockHttpServletRequestBuilder> request) {
        cases.put(endpoint, new Case(request, r -> {
            for (RequestPostProcessor stranger : List.of(bea, ian, admin())) {
                mvc.perform(r.get().with(stranger)).andExpect(status().isNotFound());
            }
        }));
    }

    /** Ian's classroom: another instructor and the learners find nothing; the admin may look. */
    private void iansClassroom(Map<String, Case> cases, String endpoint, Supplier<MockHttpServletRequestBuilder> request) {
        cases.put(endpoint, new Case(request, r -> {
            for (RequestPostProcessor stranger : List.of(ivy, ada, bea)) {
                mvc.perform(r.get().with(stranger)).andExpect(status().isNotFound());
            }
            mvc.perform(r.get().with(admin())).andExpect(status().isOk());
        }));
    }

    private void ok(Supplier<MockHttpServletRequestBuilder> request, RequestPostProcessor who) throws Exception {
        mvc.perform(request.get().with(who)).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder json(String url, Object body, Object... vars) {
        try {
            return postJson(url, body, vars);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every endpoint of the REST API, as "METHOD pattern", with " ?param" when a parameter tells two apart. */
    private Set<String> endpoints() {
        Set<String> found = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                List<String> params = new ArrayList<>();
                info.getParamsCondition().getExpressions().forEach(e -> params.add(" ?" + e.getName()));
                for (var method : info.getMethodsCondition().getMethods()) {
                    found.add(method.name() + " " + pattern + String.join("", params));
                }
            }
        }
        return found;
    }
}
