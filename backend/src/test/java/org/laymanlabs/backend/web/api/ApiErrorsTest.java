package org.laymanlabs.backend.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.session.SandboxLeases;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiErrorsTest {

    private static final UUID ATTEMPT = UUID.fromString("00000000-0000-0000-0000-000000000042");

    @Test
    void aSandboxThatAnotherReplicaDidNotHandOverIsServiceUnavailableWithWhenToTryAgain() {
        ResponseEntity<ProblemDetail> answer = new ApiErrors().elsewhere(new SandboxLeases.SandboxElsewhere(ATTEMPT, "replica-b"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).isEqualTo("the sandbox of attempt " + ATTEMPT
                + " is open on replica replica-b, which did not hand it over; try again");
    }

    @Test
    void aSandboxThatMovedAwayWhileTheRequestRanIsServiceUnavailableToo() {
        ResponseEntity<ProblemDetail> answer = new ApiErrors().elsewhere(new SandboxLeases.LeaseLost(ATTEMPT));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().getDetail()).endsWith("moved to another replica; reload the page to reach it there");
    }
}
