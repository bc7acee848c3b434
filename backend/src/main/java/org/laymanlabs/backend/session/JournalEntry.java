package org.laymanlabs.backend.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * One input to a sandbox, with the virtual instant it arrived at. A sandbox is deterministic (a
 * seeded random source, a virtual clock), so replaying its inputs at their instants rebuilds
 * exactly the state they made. Clock ticks need no entries: the next entry's instant says how far
 * the clock had moved.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JournalEntry.Typed.class, name = "typed"),
        @JsonSubTypes.Type(value = JournalEntry.Started.class, name = "started"),
        @JsonSubTypes.Type(value = JournalEntry.Interrupted.class, name = "interrupted"),
        @JsonSubTypes.Type(value = JournalEntry.Detached.class, name = "detached"),
        @JsonSubTypes.Type(value = JournalEntry.FileWritten.class, name = "file-written"),
        @JsonSubTypes.Type(value = JournalEntry.FileRemoved.class, name = "file-removed"),
        @JsonSubTypes.Type(value = JournalEntry.Graded.class, name = "graded"),
        @JsonSubTypes.Type(value = JournalEntry.StepBegan.class, name = "step-began"),
        @JsonSubTypes.Type(value = JournalEntry.ApiCalled.class, name = "api-called")})
public sealed interface JournalEntry {

    Instant at();

    /** A shell line run to its end without following anything, as the REST API and checks type. */
    record Typed(Instant at, String line) implements JournalEntry {
        public Typed {
            Objects.requireNonNull(line, "line");
        }
    }

    /** A shell line started from a terminal, which may go on following something as the clock moves. */
    record Started(Instant at, String line) implements JournalEntry {
        public Started {
            Objects.requireNonNull(line, "line");
        }
    }

    /** Ctrl-C to the line that is running. */
    record Interrupted(Instant at) implements JournalEntry {
    }

    /** The terminal of the running line went away. */
    record Detached(Instant at) implements JournalEntry {
    }

    /** The editor saved a file (its folders are made as needed). */
    record FileWritten(Instant at, String path, String content) implements JournalEntry {
        public FileWritten {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    /** The editor deleted a file or folder. */
    record FileRemoved(Instant at, String path) implements JournalEntry {
        public FileRemoved {
            Objects.requireNonNull(path, "path");
        }
    }

    /** The grader ran a step's checks; kept because a request check sends packets, which count in rules. */
    record Graded(Instant at, String stepId) implements JournalEntry {
    }

    /** A marker: the learner began this step here, so "reset the step" replays up to this point. */
    record StepBegan(Instant at, String stepId) implements JournalEntry {
    }

    /** A real client's request that changed the sandbox, through the Docker Engine API or the Kubernetes API. */
    record ApiCalled(Instant at, ApiRequest request) implements JournalEntry {
        public ApiCalled {
            Objects.requireNonNull(request, "request");
        }
    }
}
