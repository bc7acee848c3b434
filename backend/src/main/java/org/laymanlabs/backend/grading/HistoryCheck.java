package org.laymanlabs.backend.grading;

import java.util.List;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.Sandbox;

/**
 * Command history: the learner typed a line matching a regular expression. Use sparingly
 * (DESIGN.md): it rewards typing, not the result, so every step pairs it with a check on state.
 *
 * @param expect the command in words for the learner ("a docker run with -p")
 */
public record HistoryCheck(String name, Pattern matches, String expect) implements Check {

    @Override
    public CheckResult evaluate(Sandbox sandbox) {
        List<String> history = sandbox.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (matches.matcher(history.get(i)).find()) {
                return CheckResult.pass(name, "You ran: " + history.get(i));
            }
        }
        String last = history.isEmpty() ? "no commands yet" : history.size() + " commands, none of them "
                + expect + " (the last was: " + history.get(history.size() - 1) + ")";
        return CheckResult.fail(name, expect + " in your command history", last);
    }
}
