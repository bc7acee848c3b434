package org.laymanlabs.frontend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.session.SandboxFailure;
import org.laymanlabs.backend.session.SandboxLeases;

/** Each way the workspace can fail is told in plain words, with the button that helps first, and no trace. */
class TroubleTest {

    private static final UUID ATTEMPT = UUID.fromString("00000000-0000-0000-0000-000000000007");

    @Test
    void aSandboxWhoseEventLoopStoppedAsksForTheStepToBeResetBecauseTryingAgainCannotHelp() {
        SandboxFailure stopped = new SandboxFailure(new IllegalStateException("a bug in a controller"),
                "this sandbox stopped on an internal error in its event loop, after 20s: a bug in a controller; "
                        + "reset the step or the lab to go on");

        Trouble opening = Trouble.starting(new CompletionException(stopped));
        Trouble working = Trouble.working(stopped);

        assertThat(opening.way()).isEqualTo(Trouble.Way.RESET_STEP);
        assertThat(working).isEqualTo(opening);
        assertThat(working.message()).startsWith("Your sandbox stopped on an error on our side, not yours.")
                .doesNotContain("controller", "Exception", "event loop");
        assertThat(Trouble.forCommand(stopped)).isEqualTo(working.message());
    }

    @Test
    void aSandboxThatAnotherServerHasNotHandedOverYetSaysToWaitAndTryAgain() {
        Trouble trouble = Trouble.starting(new CompletionException(new SandboxLeases.SandboxElsewhere(ATTEMPT, "replica-b")));

        assertThat(trouble.way()).isEqualTo(Trouble.Way.TRY_AGAIN);
        assertThat(trouble.message()).contains("still open on another of our servers", "wait a moment and try again")
                .doesNotContain("replica-b", ATTEMPT.toString());
        assertThat(Trouble.working(new SandboxLeases.SandboxElsewhere(ATTEMPT, "replica-b"))).isEqualTo(trouble);
    }

    @Test
    void aSandboxThatMovedAwayAsksForAReload() {
        Trouble trouble = Trouble.working(new SandboxLeases.LeaseLost(ATTEMPT));

        assertThat(trouble.way()).isEqualTo(Trouble.Way.RELOAD);
        assertThat(trouble.message()).contains("Reload the page", "your work is kept");
    }

    @Test
    void anyOtherFailureIsOursInPlainWordsWithTryAgainFirst() {
        IllegalStateException bug = new IllegalStateException("java.lang.NullPointerException at Foo.bar(Foo.java:12)");

        assertThat(Trouble.starting(bug)).isEqualTo(new Trouble("Your sandbox could not be started. This is a problem on "
                + "our side, not yours. Try again; if it happens again, reset the lab to start afresh.", Trouble.Way.TRY_AGAIN));
        assertThat(Trouble.working(bug).message()).doesNotContain("NullPointerException", "Foo.java");
        assertThat(Trouble.forCommand(bug)).startsWith("Your sandbox did not answer.");
    }
}
