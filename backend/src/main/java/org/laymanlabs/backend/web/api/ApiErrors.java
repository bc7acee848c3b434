package org.laymanlabs.backend.web.api;

import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.session.InputRejected;
import org.laymanlabs.backend.session.SandboxFailure;
import org.laymanlabs.backend.session.SandboxLeases;
import org.laymanlabs.sandbox.vfs.FileSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors as RFC 9457 problem details whose {@code detail} says what was wrong and what
 * would be accepted. Another learner's data is "not found", never "forbidden".
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(AccessControl.NotFound.class)
    ProblemDetail notFound(AccessControl.NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessControl.Forbidden.class)
    ProblemDetail forbidden(AccessControl.Forbidden e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, InputRejected.class, FileSystemException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(SandboxFailure.class)
    ProblemDetail sandboxFailed(SandboxFailure e) {
        log.error("A sandbox failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }

    /**
     * The sandbox is open on another replica that has not handed it over (yet), or moved away
     * while this request ran: nothing was done, and the same request a little later reaches it.
     */
    @ExceptionHandler({SandboxLeases.SandboxElsewhere.class, SandboxLeases.LeaseLost.class})
    ResponseEntity<ProblemDetail> elsewhere(RuntimeException e) {
        log.warn("A sandbox was busy on another replica: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem);
    }

    /** Long enough for a live replica to hand a sandbox over (it checks every heartbeat). */
    static final int RETRY_AFTER_SECONDS = 5;
}
