package org.laymanlabs.backend.authoring;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab editor's drafts: what an instructor typed into a lab's lab.yaml, saved as they type and
 * found again when they reopen the lab, until they discard it. A draft is the instructor's own;
 * the installed lab (the folder learners use) is never changed here.
 */
@Service
public class LabDrafts {

    /** The largest draft kept: a lab.yaml is a few kilobytes; this is room to spare, not a store. */
    static final int MAX_CHARS = 256 * 1024;

    private final LabDraftRepository drafts;
    private final Clock clock;

    LabDrafts(LabDraftRepository drafts, ObjectProvider<Clock> clock) {
        this.drafts = drafts;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The caller's draft of the lab, if they saved one and have not discarded it. */
    @Transactional(readOnly = true)
    public Optional<Draft> find(Caller caller, String labId) {
        requireAuthor(caller);
        return drafts.findById(new LabDraft.Key(caller.accountId(), labId)).map(Draft::of);
    }

    /** Keeps {@code source} as the caller's draft of the lab, replacing the one before; returns when. */
    @Transactional
    public Draft save(Caller caller, String labId, String source) {
        requireAuthor(caller);
        if (source.length() > MAX_CHARS) {
            throw new IllegalArgumentException("a draft holds at most " + MAX_CHARS + " characters; this one has "
                    + source.length());
        }
        // As the database keeps it (microseconds), so that the time shown now is the time found on reopening.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LabDraft.Key key = new LabDraft.Key(caller.accountId(), labId);
        LabDraft draft = drafts.findById(key).orElseGet(() -> new LabDraft(caller.accountId(), labId, source, now));
        draft.update(source, now);
        return Draft.of(drafts.save(draft));
    }

    /** Drops the caller's draft of the lab; the editor then shows the installed lab.yaml again. */
    @Transactional
    public void discard(Caller caller, String labId) {
        requireAuthor(caller);
        drafts.deleteById(new LabDraft.Key(caller.accountId(), labId));
    }

    private static void requireAuthor(Caller caller) {
        if (!caller.is(Role.INSTRUCTOR) && !caller.is(Role.ADMIN)) {
            throw new AccessControl.Forbidden("only instructors and admins write labs");
        }
    }

    /** A draft as the editor shows it. */
    public record Draft(String labId, String source, Instant savedAt) {
        static Draft of(LabDraft draft) {
            return new Draft(draft.labId(), draft.source(), draft.savedAt());
        }
    }
}
