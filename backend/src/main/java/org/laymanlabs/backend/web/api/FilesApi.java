package org.laymanlabs.backend.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The learner's files in their sandbox, as the editor reads and saves them. */
@RestController
@RequestMapping("/api/attempts/{attemptId}/files")
@Tag(name = "Workspace files")
class FilesApi {

    private final Attempts attempts;

    FilesApi(Attempts attempts) {
        this.attempts = attempts;
    }

    @GetMapping
    @Operation(summary = "Every file under the learner's home, by absolute path")
    List<String> list(Caller caller, @PathVariable UUID attemptId) {
        return Attempts.await(attempts.sandbox(caller, attemptId).query(sandbox -> sandbox.workspace()
                .filesUnder(Workspace.HOME).stream().map(path -> Workspace.HOME + "/" + path).toList()));
    }

    @GetMapping(params = "path")
    @Operation(summary = "One file's content")
    ApiViews.FileContent read(Caller caller, @PathVariable UUID attemptId, @RequestParam String path) {
        return new ApiViews.FileContent(path,
                Attempts.await(attempts.sandbox(caller, attemptId).query(sandbox -> sandbox.workspace().read(path))));
    }

    @PutMapping
    @Operation(summary = "Save a file, making its folders")
    ApiViews.FileContent write(Caller caller, @PathVariable UUID attemptId, @RequestBody ApiViews.FileContent file) {
        if (file.path() == null || file.content() == null) {
            throw new IllegalArgumentException("path and content are required");
        }
        Attempts.await(attempts.sandbox(caller, attemptId).writeFile(file.path(), file.content()));
        return file;
    }

    @DeleteMapping(params = "path")
    @Operation(summary = "Delete a file or a folder with everything in it")
    void remove(Caller caller, @PathVariable UUID attemptId, @RequestParam String path) {
        Attempts.await(attempts.sandbox(caller, attemptId).removeFile(path));
    }
}
