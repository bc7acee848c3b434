package org.laymanlabs.backend.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.classroom.Classroom;
import org.laymanlabs.backend.classroom.Classrooms;
import org.laymanlabs.backend.classroom.ProgressRow;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Classrooms: instructors open them and follow progress; learners join with a code. */
@RestController
@RequestMapping("/api/classrooms")
@Tag(name = "Classrooms")
class ClassroomsApi {

    private final Classrooms classrooms;

    ClassroomsApi(Classrooms classrooms) {
        this.classrooms = classrooms;
    }

    @PostMapping
    @Operation(summary = "Open a classroom (instructors and admins); the answer holds its join code")
    ApiViews.ClassroomView open(Caller caller, @RequestBody ApiViews.NewClassroom request) {
        return ApiViews.ClassroomView.of(classrooms.open(caller, request.name()));
    }

    @GetMapping
    @Operation(summary = "An instructor's own classrooms, every one for an admin, the joined ones for a learner")
    List<ApiViews.ClassroomView> visible(Caller caller) {
        boolean teacher = caller.is(Role.INSTRUCTOR) || caller.is(Role.ADMIN);
        return classrooms.visibleTo(caller).stream()
                .map(teacher ? ApiViews.ClassroomView::of : ApiViews.ClassroomView::forMember).toList();
    }

    @PostMapping("/join")
    @Operation(summary = "Join a classroom with its code")
    ApiViews.ClassroomView join(Caller caller, @RequestBody ApiViews.JoinRequest request) {
        return ApiViews.ClassroomView.forMember(classrooms.join(caller, request.code()));
    }

    @GetMapping("/{classroomId}")
    @Operation(summary = "One of the instructor's classrooms")
    ApiViews.ClassroomView get(Caller caller, @PathVariable UUID classroomId) {
        return ApiViews.ClassroomView.of(classrooms.get(caller, classroomId));
    }

    @GetMapping("/{classroomId}/progress")
    @Operation(summary = "Each member's progress in each lab")
    List<ProgressRow> progress(Caller caller, @PathVariable UUID classroomId) {
        return classrooms.progress(caller, classroomId);
    }

    @GetMapping(value = "/{classroomId}/progress.csv", produces = "text/csv")
    @Operation(summary = "The progress report as CSV, one row per learner and lab")
    ResponseEntity<String> progressCsv(Caller caller, @PathVariable UUID classroomId) {
        Classroom classroom = classrooms.get(caller, classroomId);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-" + classroom.joinCode() + ".csv\"")
                .body(classrooms.progressCsv(caller, classroomId));
    }
}
