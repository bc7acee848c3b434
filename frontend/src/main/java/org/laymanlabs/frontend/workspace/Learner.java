package org.laymanlabs.frontend.workspace;

import org.laymanlabs.backend.account.Caller;

/**
 * Who sits at the workspace: the port the workspace asks for its learner. Sign-in binds it to the
 * signed-in account; until then {@link GuestLearner} stands in. Swapping is one binding.
 */
interface Learner {

    /** The learner of the request being served; never null. */
    Caller current();
}
