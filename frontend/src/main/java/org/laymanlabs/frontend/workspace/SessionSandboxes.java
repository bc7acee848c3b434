package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.server.VaadinSession;
import org.laymanlabs.backend.workspace.LabSandbox;
import org.laymanlabs.backend.workspace.LabSandboxes;

/**
 * One sandbox per lab per browser session, kept in the Vaadin session so that a reload finds
 * the same terminal history, files and cluster. The session service will take this over.
 */
final class SessionSandboxes {

    private SessionSandboxes() {
    }

    static LabSandbox of(VaadinSession session, LabSandboxes sandboxes, String labId) {
        String key = key(labId);
        Object held = session.getAttribute(key);
        if (held instanceof LabSandbox sandbox) {
            return sandbox;
        }
        LabSandbox started = sandboxes.start(labId);
        session.setAttribute(key, started);
        return started;
    }

    /** Throws the learner's sandbox away and starts a fresh one: the way out of any muddle. */
    static LabSandbox reset(VaadinSession session, LabSandboxes sandboxes, String labId) {
        session.setAttribute(key(labId), null);
        return of(session, sandboxes, labId);
    }

    private static String key(String labId) {
        return "layman.sandbox." + labId;
    }
}
