package org.laymanlabs.backend.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A learner's file as their sandbox last held it. */
@Entity
@Table(name = "workspace_file")
class WorkspaceFile {

    @Id
    private UUID id;

    @Column(name = "attempt_id", nullable = false)
    private UUID attemptId;

    @Column(nullable = false, length = 1024)
    private String path;

    @Column(nullable = false, length = 1048576)
    private String content;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected WorkspaceFile() {
    }

    WorkspaceFile(UUID attemptId, String path, String content, Instant savedAt) {
        this.id = UUID.randomUUID();
        this.attemptId = attemptId;
        this.path = path;
        replace(content, savedAt);
    }

    void replace(String content, Instant savedAt) {
        this.content = content;
        this.savedAt = savedAt;
    }

    String path() {
        return path;
    }

    String content() {
        return content;
    }
}
