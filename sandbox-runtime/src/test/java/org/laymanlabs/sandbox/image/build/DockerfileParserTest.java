package org.laymanlabs.sandbox.image.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    @Test
    void continuationsJoinTheNextLineAsWrittenAndSkipCommentsInside() {
        Dockerfile file = Dockerfile.parse("# a comment\nFROM alpine\nRUN apk add \\\n# inside\n    curl\n");

        Instruction.Run run = (Instruction.Run) file.stages().get(0).commands().get(0);
        assertThat(run.source()).isEqualTo("RUN apk add     curl");
        assertThat(run.line()).isEqualTo(3);
        assertThat(run.shellForm()).isTrue();
    }

    @Test
    void jsonFormIsExecFormAndAnythingElseIsShellForm() {
        Dockerfile file = Dockerfile.parse("FROM alpine\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nENTRYPOINT [oops\n");

        List<Instruction> commands = file.stages().get(0).commands();
        assertThat(((Instruction.Cmd) commands.get(0)).command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(((Instruction.Entrypoint) commands.get(1)).shellForm()).isTrue();
    }

    @Test
    void envTakesBothTheKeyValueAndTheLegacyForm() {
        Dockerfile file = Dockerfile.parse("FROM alpine\nENV A=1 B=\"two words\"\nENV C three words\n");

        List<Instruction> commands = file.stages().get(0).commands();
        assertThat(((Instruction.Env) commands.get(0)).pairs()).containsExactly(
                new Instruction.KeyValue("A", "1"), new Instruction.KeyValue("B", "\"two words\""));
        assertThat(((Instruction.Env) commands.get(1)).pairs()).containsExactly(new Instruction.KeyValue("C", "three words"));
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile file = Dockerfile.parse("# escape=`\nFROM alpine\nRUN echo a `\n  b\n");

        assertThat(file.stages().get(0).commands().get(0).source()).isEqualTo("RUN echo a   b");
    }

    @Test
    void errorsNameTheLineInBuildkitsWords() {
        assertThatThrownBy(() -> Dockerfile.parse("FROM alpine\n\nFOOO bar\n"))
                .hasMessage("dockerfile parse error on line 3: unknown instruction: FOOO (did you mean FROM?)");
        assertThatThrownBy(() -> Dockerfile.parse("FROM alpine AS\n"))
                .hasMessage("dockerfile parse error on line 1: FROM requires either one or three arguments");
        assertThatThrownBy(() -> Dockerfile.parse("FROM alpine\nCOPY --frm=build a b\n"))
                .hasMessage("dockerfile parse error on line 2: unknown flag: frm");
        assertThatThrownBy(() -> Dockerfile.parse("FROM alpine\nENV A=1 B\n")).hasMessage("dockerfile parse error on"
                + " line 2: Syntax error - can't find = in \"B\". Must be of the form: name=value");
        assertThatThrownBy(() -> Dockerfile.parse("FROM --platform=linux/arm64 alpine\n"))
                .hasMessageContaining("line 1: FROM --platform is not available in this sandbox");
    }

    @Test
    void substitutionExpandsDefaultsAndKeepsSingleQuotesLiteral() {
        ShellLex lex = new ShellLex('\\');
        java.util.Map<String, String> env = java.util.Map.of("NAME", "web");

        assertThat(lex.processWord("${NAME}-$NAME:${TAG:-latest}'$NAME'", env::get)).isEqualTo("web-web:latest$NAME");
        assertThatThrownBy(() -> lex.processWord("${NAME", env::get)).hasMessage("failed to process \"${NAME\": missing '}'");
    }
}
