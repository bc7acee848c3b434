package org.laymanlabs.backend.web.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.laymanlabs.backend.account.Account;
import org.laymanlabs.backend.classroom.Classroom;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.progress.CheckResult;
import org.laymanlabs.backend.progress.CheckRun;
import org.laymanlabs.backend.progress.LabAttempt;
import org.laymanlabs.backend.progress.LabCourse;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputChunk;

/** The JSON shapes of the REST API: requests and answers, as records. */
final class ApiViews {

    private ApiViews() {
    }

    record LabView(String id, String title, String summary, String level, int minutes, List<String> concepts,
                   List<StepView> steps) {
        static LabView of(Lab lab, List<LabCourse.Step> steps) {
            return new LabView(lab.id(), lab.title(), lab.summary(), lab.level().label(), lab.minutes(), lab.concepts(),
                    steps.stream().map(s -> new StepView(s.id(), s.title(), s.hints().size())).toList());
        }
    }

    record StepView(String id, String title, int hints) {
    }

    record AttemptView(UUID id, String labId, Instant startedAt, Instant completedAt, boolean active) {
        static AttemptView of(LabAttempt attempt) {
            return new AttemptView(attempt.id(), attempt.labId(), attempt.startedAt(),
                    attempt.completedAt().orElse(null), attempt.isActive());
        }
    }

    record CommandRequest(String line) {
    }

    /** @param output stdout and stderr interleaved as a terminal shows them */
    record CommandResponse(int exitCode, String stdout, String stderr, List<OutputChunk> output) {
        static CommandResponse of(CommandResult result) {
            return new CommandResponse(result.exitCode(), result.stdout(), result.stderr(), result.output());
        }
    }

    record FileContent(String path, String content) {
    }

    record CheckRunView(UUID id, String stepId, Instant ranAt, Instant sandboxTime, long tookMicros, boolean passed,
                        List<CheckResult> results) {
        static CheckRunView of(CheckRun run) {
            return new CheckRunView(run.id(), run.stepId(), run.ranAt(), run.sandboxTime(), run.took().toNanos() / 1_000,
                    run.passed(), run.results());
        }
    }

    record TokenView(String token) {
    }

    record RevokedView(int revoked) {
    }

    record NewClassroom(String name) {
    }

    record JoinRequest(String code) {
    }

    record ClassroomView(UUID id, String name, String joinCode, Instant createdAt) {
        static ClassroomView of(Classroom classroom) {
            return new ClassroomView(classroom.id(), classroom.name(), classroom.joinCode(), classroom.createdAt());
        }

        /** What a learner sees of a classroom they joined: not the code to hand on. */
        static ClassroomView forMember(Classroom classroom) {
            return new ClassroomView(classroom.id(), classroom.name(), null, classroom.createdAt());
        }
    }

    record Registration(String username, String password) {
    }

    record AccountView(UUID id, String username, String role) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.username(), account.role().name());
        }
    }
}
