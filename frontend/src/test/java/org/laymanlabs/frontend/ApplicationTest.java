package org.laymanlabs.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@AppTest
class ApplicationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void servesTheAppFromItsPrebuiltProductionBundle() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<div id=\"outlet\">", "src=\"./VAADIN/build/indexhtml-");
    }

    @Test
    void reportsItselfHealthyWithItsDatabaseInTheDataDirectory() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
        assertThat(Path.of(AppTest.DATA_DIR, "db", "layman.mv.db")).exists();
    }
}
