package org.laymanlabs.backend.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An instructor's draft of one lab's lab.yaml, kept until they discard it. */
@Entity
@Table(name = "lab_draft")
public class LabDraft {

    @EmbeddedId
    private Key key;

    @Column(name = "source", nullable = false, columnDefinition = "text")
    private String source;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected LabDraft() {
    }

    LabDraft(UUID accountId, String labId, String source, Instant savedAt) {
        this.key = new Key(accountId, labId);
        update(source, savedAt);
    }

    void update(String text, Instant at) {
        this.source = text;
        this.savedAt = at;
    }

    public String labId() {
        return key.labId;
    }

    public String source() {
        return source;
    }

    public Instant savedAt() {
        return savedAt;
    }

    /** One draft per instructor and lab. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "account_id", nullable = false)
        private UUID accountId;

        @Column(name = "lab_id", nullable = false, length = 100)
        private String labId;

        protected Key() {
        }

        Key(UUID accountId, String labId) {
            this.accountId = accountId;
            this.labId = labId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.accountId.equals(accountId) && key.labId.equals(labId);
        }

        @Override
        public int hashCode() {
            return accountId.hashCode() * 31 + labId.hashCode();
        }
    }
}
