package org.laymanlabs.backend.classroom;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
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

    // A handful of lab ids per classroom, read with it every time: eager, so views outside a transaction can list them.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "classroom_lab", joinColumns = @JoinColumn(name = "classroom_id"))
    @Column(name = "lab_id", length = 100)
    private Set<String> labs = new TreeSet<>();

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

    /** The labs the instructor assigned, in id order. */
    public Set<String> labs() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(labs));
    }

    void assign(String labId) {
        labs.add(labId);
    }

    void unassign(String labId) {
        labs.remove(labId);
    }
}
