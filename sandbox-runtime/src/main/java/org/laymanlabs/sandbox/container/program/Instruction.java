package org.laymanlabs.sandbox.container.program;

/**
 * One instruction of a container's shell script once {@link CompoundCommands} has flattened its
 * if, while, until and for into jumps: a flat program with a counter can stop at any step (a
 * {@code sleep}, the end of a time slice) and go on from there later, which a tree walk could not.
 */
sealed interface Instruction {

    /** Runs one pipeline if its join allows; {@code !} before it inverts its status. */
    record Run(ScriptStep step, boolean negated) implements Instruction { }

    /** Goes to {@code target} when the status is what {@code when} says: always, zero, or non-zero. */
    record Jump(When when, int target) implements Instruction { }

    /** Sets $? as a compound command ends: 0 when an if took no branch or a loop never ran its body. */
    record Status(int code) implements Instruction { }

    /** Expands a for loop's words once, as it starts. */
    record ForStart(int loop, String words) implements Instruction { }

    /** Assigns the loop's next word to its variable, or goes to {@code end} when none is left. */
    record ForNext(int loop, String variable, int end) implements Instruction { }

    /** Keeps the status as a loop's (its body's last, 0 before the body first runs). */
    record Remember(int loop) implements Instruction { }

    /** Sets $? to the loop's remembered status as it ends: a loop's status is its body's last. */
    record Recall(int loop) implements Instruction { }

    enum When {
        ALWAYS, ON_SUCCESS, ON_FAILURE;

        boolean holdsAfter(int status) {
            return this == ALWAYS || (this == ON_SUCCESS) == (status == 0);
        }
    }
}
