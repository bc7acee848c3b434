package org.laymanlabs.backend.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laymanlabs.backend.account.Account;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.progress.AttemptRepository;
import org.laymanlabs.backend.progress.CheckRun;
import org.laymanlabs.backend.progress.CheckRunRepository;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.LabAttempt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instructor's progress grid: a row for every member and every lab that is assigned or that
 * they started, so that a learner who has not begun shows up too.
 */
@Service
public class ProgressGrid {

    private final Classrooms classrooms;
    private final ClassroomRoster roster;
    private final AttemptRepository attempts;
    private final CheckRunRepository runs;
    private final Grading grading;

    ProgressGrid(Classrooms classrooms, ClassroomRoster roster, AttemptRepository attempts, CheckRunRepository runs,
                 Grading grading) {
        this.classrooms = classrooms;
        this.roster = roster;
        this.attempts = attempts;
        this.runs = runs;
        this.grading = grading;
    }

    /** By learner, then lab. */
    @Transactional(readOnly = true)
    public List<GridRow> rows(Caller caller, UUID classroomId) {
        Classroom classroom = classrooms.get(caller, classroomId);
        List<Account> members = roster.members(caller, classroomId);
        Map<UUID, List<LabAttempt>> started = attempts.findByAccountIdInAndEndedAtIsNull(
                members.stream().map(Account::id).toList()).stream().collect(Collectors.groupingBy(LabAttempt::accountId));
        List<GridRow> rows = new ArrayList<>();
        for (Account member : members) {
            Map<String, LabAttempt> byLab = started.getOrDefault(member.id(), List.of()).stream()
                    .collect(Collectors.toMap(LabAttempt::labId, Function.identity(), (a, b) -> a));
            TreeSet<String> labs = new TreeSet<>(classroom.labs());
            labs.addAll(byLab.keySet());
            for (String lab : labs) {
                Optional<LabAttempt> attempt = Optional.ofNullable(byLab.get(lab));
                rows.add(new GridRow(member.username(), lab, attempt.map(grading::progressOf),
                        attempt.flatMap(this::lastCheck)));
            }
        }
        return rows;
    }

    private Optional<GridRow.LastCheck> lastCheck(LabAttempt attempt) {
        List<CheckRun> all = runs.findByAttemptIdOrderByRanAt(attempt.id());
        if (all.isEmpty()) {
            return Optional.empty();
        }
        CheckRun last = all.get(all.size() - 1);
        return Optional.of(new GridRow.LastCheck(last.stepId(), last.passed(), last.ranAt()));
    }
}
