package org.laymanlabs.backend.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bearer token for one attempt's sandbox, kept only as its SHA-256 hash. */
@Entity
@Table(name = "sandbox_token")
class SandboxToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "attempt_id", nullable = false)
    private UUID attemptId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SandboxToken() {
    }

    SandboxToken(String tokenHash, UUID attemptId, Instant issuedAt) {
        this.tokenHash = tokenHash;
        this.attemptId = attemptId;
        this.issuedAt = issuedAt;
    }

    UUID attemptId() {
        return attemptId;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }
}
