package org.laymanlabs.backend.progress;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.account.AccessControl;

/**
 * What progress needs from a lab: its steps in order, with their hints. The lab package binds this
 * to its lab format; until it does, {@link NoSteps} says every lab has none.
 */
public interface LabCourse {

    /** The lab's steps in order, or empty if there is no such lab. */
    Optional<List<Step>> steps(String labId);

    /** Where a step stands in a lab's list; an unknown step is not found. */
    static int indexOf(List<Step> steps, String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        throw new AccessControl.NotFound("step " + stepId);
    }

    /** One step as progress sees it: its id, its title and its hints in the order they are revealed. */
    record Step(String id, String title, List<String> hints) {
        public Step {
            hints = List.copyOf(hints);
        }
    }
}
