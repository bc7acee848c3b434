package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile: the ARGs before the first FROM (meta args) and the stages. Parsing checks
 * every line before anything is built, as the classic builder does, so a malformed file never
 * changes the image store.
 */
record Dockerfile(List<Instruction.Arg> metaArgs, List<Stage> stages, char escape) {

    Dockerfile {
        metaArgs = List.copyOf(metaArgs);
        stages = List.copyOf(stages);
    }

    /** @throws DockerfileParseException naming the line, in buildkit's words */
    static Dockerfile parse(String text) {
        DockerfileParser.Result lines = DockerfileParser.parse(text);
        if (lines.nodes().isEmpty()) {
            throw new DockerfileParseException(0, "file with no instructions");
        }
        List<Instruction.Arg> metaArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Instruction.From from = null;
        String name = "";
        List<Instruction> commands = new ArrayList<>();
        for (Node node : lines.nodes()) {
            Instruction instruction = InstructionParser.parse(node);
            if (instruction instanceof Instruction.From next) {
                if (from != null) {
                    stages.add(new Stage(from, name, commands));
                }
                from = next;
                name = next.stageName();
                commands = new ArrayList<>();
            } else if (from == null && instruction instanceof Instruction.Arg arg) {
                metaArgs.add(arg);
            } else if (from == null) {
                throw new DockerfileParseException(node.startLine(), "no build stage in current context");
            } else {
                commands.add(instruction);
            }
        }
        if (from == null) {
            throw new DockerfileParseException(0, "no build stage in current context");
        }
        stages.add(new Stage(from, name, commands));
        return new Dockerfile(metaArgs, stages, lines.escape());
    }

    /** The index of the stage named {@code target}, for {@code --target}. */
    Optional<Integer> stageIndex(String target) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equalsIgnoreCase(target)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
