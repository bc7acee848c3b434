package org.laymanlabs.backend.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A person who signs in: a learner, an instructor or an admin. Only a bcrypt hash of the password is kept. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean disabled;

    protected Account() {
    }

    Account(String username, String passwordHash, Role role, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** A disabled account keeps its work but cannot sign in. */
    public boolean disabled() {
        return disabled;
    }

    void changeRole(Role role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    /** Who this account is, as the services check it. */
    public Caller asCaller() {
        return new Caller(id, username, role);
    }
}
