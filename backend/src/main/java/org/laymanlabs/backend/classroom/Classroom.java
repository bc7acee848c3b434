package org.laymanlabs.backend.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An instructor's class: learners join it with its code, and the instructor follows their progress. */
@Entity
@Table(name = "classroom")
public class Classroom {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "join_code", nullable = false, unique = true, length = 20)
    private String joinCode;

    @Column(name = "instructor_id", nullable = false)
    private UUID instructorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Classroom() {
    }

    Classroom(String name, String joinCode, UUID instructorId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.joinCode = joinCode;
        this.instructorId = instructorId;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String joinCode() {
        return joinCode;
    }

    public UUID instructorId() {
        return instructorId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
