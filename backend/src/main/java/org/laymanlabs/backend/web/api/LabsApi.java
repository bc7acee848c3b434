package org.laymanlabs.backend.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.LabCourse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The lab catalog, and starting a lab. */
@RestController
@RequestMapping("/api/labs")
@Tag(name = "Labs")
class LabsApi {

    private final LabCatalog catalog;
    private final LabCourse course;
    private final Attempts attempts;

    LabsApi(LabCatalog catalog, LabCourse course, Attempts attempts) {
        this.catalog = catalog;
        this.course = course;
        this.attempts = attempts;
    }

    @GetMapping
    @Operation(summary = "Every lab in the catalog, with its steps")
    List<ApiViews.LabView> labs() {
        return catalog.labs().stream()
                .map(lab -> ApiViews.LabView.of(lab, course.steps(lab.id()).orElse(List.of())))
                .toList();
    }

    @GetMapping("/{labId}")
    @Operation(summary = "One lab, with its steps and how many hints each has")
    ApiViews.LabView lab(@PathVariable String labId) {
        return catalog.find(labId).map(lab -> ApiViews.LabView.of(lab, course.steps(labId).orElse(List.of())))
                .orElseThrow(() -> new AccessControl.NotFound("lab " + labId));
    }

    @PostMapping("/{labId}/attempt")
    @Operation(summary = "Start the lab, or resume the attempt in progress; its sandbox is made or restored on first use")
    ApiViews.AttemptView start(Caller caller, @PathVariable String labId) {
        return ApiViews.AttemptView.of(attempts.startOrResume(caller, labId));
    }
}
