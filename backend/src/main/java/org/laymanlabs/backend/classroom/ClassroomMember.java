package org.laymanlabs.backend.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A learner in a classroom. */
@Entity
@Table(name = "classroom_member")
class ClassroomMember {

    @Id
    private UUID id;

    @Column(name = "classroom_id", nullable = false)
    private UUID classroomId;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected ClassroomMember() {
    }

    ClassroomMember(UUID classroomId, UUID accountId, Instant joinedAt) {
        this.id = UUID.randomUUID();
        this.classroomId = classroomId;
        this.accountId = accountId;
        this.joinedAt = joinedAt;
    }

    UUID classroomId() {
        return classroomId;
    }

    UUID accountId() {
        return accountId;
    }
}
