package org.laymanlabs.backend.account;

import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who may reach what. A learner's sandboxes, attempts, files and history are theirs alone: not
 * even an instructor or an admin drives them. Instructors see the progress of their own
 * classrooms only; admins see every classroom. A refusal looks like absence ({@link NotFound}),
 * so nobody learns that another learner's attempt exists.
 */
@Service
public class AccessControl {

    /** The caller may use this sandbox and read and change this attempt: only its owner may. */
    public void requireOwner(Caller caller, UUID ownerId, String what) {
        if (!caller.accountId().equals(ownerId)) {
            throw new NotFound(what);
        }
    }

    /** The caller may see a classroom and its members' progress. */
    public void requireClassroomView(Caller caller, UUID instructorId, String what) {
        boolean allowed = caller.is(Role.ADMIN) || caller.is(Role.INSTRUCTOR) && caller.accountId().equals(instructorId);
        if (!allowed) {
            throw new NotFound(what);
        }
    }

    /** Only instructors and admins open classrooms. */
    public void requireTeacher(Caller caller) {
        if (!caller.is(Role.INSTRUCTOR) && !caller.is(Role.ADMIN)) {
            throw new Forbidden("only instructors and admins can open classrooms");
        }
    }

    /** Something that does not exist, or that the caller may not know exists. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what + " not found");
        }
    }

    /** An action the caller's role does not allow, on something they may know about. */
    public static final class Forbidden extends RuntimeException {
        public Forbidden(String message) {
            super(message);
        }
    }
}
