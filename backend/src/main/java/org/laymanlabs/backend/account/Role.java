package org.laymanlabs.backend.account;

/** What an account may do: learners work in labs, instructors run classrooms, admins run the installation. */
public enum Role {
    LEARNER, INSTRUCTOR, ADMIN;

    /** The authority Spring Security checks, e.g. {@code ROLE_INSTRUCTOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
