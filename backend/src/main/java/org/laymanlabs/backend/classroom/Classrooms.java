package org.laymanlabs.backend.classroom;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.AccountRepository;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.progress.AttemptRepository;
import org.laymanlabs.backend.progress.Grading;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classrooms: an instructor opens one and hands out its join code; learners join with it; the
 * instructor (and only they, or an admin) follows the members' progress, also as CSV.
 */
@Service
public class Classrooms {

    /** No 0/O or 1/I/L, so a code read aloud in class is typed right. */
    private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final ClassroomRepository classrooms;
    private final ClassroomMemberRepository members;
    private final AccountRepository accounts;
    private final AttemptRepository attempts;
    private final Grading grading;
    private final AccessControl access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Classrooms(ClassroomRepository classrooms, ClassroomMemberRepository members, AccountRepository accounts,
               AttemptRepository attempts, Grading grading, AccessControl access, ObjectProvider<Clock> clock) {
        this.classrooms = classrooms;
        this.members = members;
        this.accounts = accounts;
        this.attempts = attempts;
        this.grading = grading;
        this.access = access;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    public Classroom open(Caller caller, String name) {
        access.requireTeacher(caller);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name: 1 to 200 characters");
        }
        String code;
        do {
            code = newCode();
        } while (classrooms.existsByJoinCode(code));
        return classrooms.save(new Classroom(name.strip(), code, caller.accountId(), clock.instant()));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    /** A learner joins with a code; joining twice is the same as once. */
    @Transactional
    public Classroom join(Caller caller, String code) {
        Classroom classroom = classrooms.findByJoinCode(code == null ? "" : code.strip().toUpperCase())
                .orElseThrow(() -> new AccessControl.NotFound("classroom with join code " + code));
        if (!members.existsByClassroomIdAndAccountId(classroom.id(), caller.accountId())) {
            members.save(new ClassroomMember(classroom.id(), caller.accountId(), clock.instant()));
        }
        return classroom;
    }

    /** An instructor's own classrooms, every classroom for an admin, the joined ones for a learner. */
    @Transactional(readOnly = true)
    public List<Classroom> visibleTo(Caller caller) {
        if (caller.is(Role.ADMIN)) {
            return classrooms.findAllByOrderByCreatedAt();
        }
        if (caller.is(Role.INSTRUCTOR)) {
            return classrooms.findByInstructorIdOrderByCreatedAt(caller.accountId());
        }
        List<Classroom> joined = new ArrayList<>();
        members.findByAccountId(caller.accountId()).forEach(m -> classrooms.findById(m.classroomId()).ifPresent(joined::add));
        return joined;
    }

    @Transactional(readOnly = true)
    public Classroom get(Caller caller, UUID classroomId) {
        Classroom classroom = classrooms.findById(classroomId)
                .orElseThrow(() -> new AccessControl.NotFound("classroom " + classroomId));
        access.requireClassroomView(caller, classroom.instructorId(), "classroom " + classroomId);
        return classroom;
    }

    /** Every member's attempts in progress, by learner then lab. */
    @Transactional(readOnly = true)
    public List<ProgressRow> progress(Caller caller, UUID classroomId) {
        Classroom classroom = get(caller, classroomId);
        List<UUID> ids = members.findByClassroomId(classroom.id()).stream().map(ClassroomMember::accountId).toList();
        Map<UUID, String> names = new HashMap<>();
        accounts.findAllById(ids).forEach(a -> names.put(a.id(), a.username()));
        return attempts.findByAccountIdInAndEndedAtIsNull(ids).stream()
                .map(a -> new ProgressRow(names.get(a.accountId()), grading.progressOf(a)))
                .sorted(Comparator.comparing(ProgressRow::username).thenComparing(r -> r.attempt().labId()))
                .toList();
    }

    /** The progress report as CSV (RFC 4180), one row per learner and lab. */
    @Transactional(readOnly = true)
    public String progressCsv(Caller caller, UUID classroomId) {
        StringBuilder csv = new StringBuilder(
                "username,lab,started_at,completed_at,steps_completed,steps_total,check_runs,hints_used\r\n");
        for (ProgressRow row : progress(caller, classroomId)) {
            AttemptProgress a = row.attempt();
            csv.append(String.join(",", field(row.username()), field(a.labId()), a.startedAt().toString(),
                    a.completedAt() == null ? "" : a.completedAt().toString(), Long.toString(a.stepsCompleted()),
                    Integer.toString(a.steps().size()), Integer.toString(a.checkRuns()),
                    Integer.toString(a.hintsUsed()))).append("\r\n");
        }
        return csv.toString();
    }

    /** Quotes a field when it holds a comma, a quote or a line break, doubling its quotes. */
    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
