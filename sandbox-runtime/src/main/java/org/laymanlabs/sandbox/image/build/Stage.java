package org.laymanlabs.sandbox.image.build;

import java.util.List;

/**
 * One build stage: its FROM and the instructions after it. Mirrors buildkit instructions.Stage.
 *
 * @param name the {@code AS} name in lower case, or empty
 */
record Stage(Instruction.From from, String name, List<Instruction> commands) {

    Stage {
        commands = List.copyOf(commands);
    }
}
