package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.ContainerUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every mistake gets Docker 28's message and exit status, and leaves the images as they were. */
@DisplayName("docker errors")
class DockerErrorsTest {

    private DockerSandbox sandbox;

    @BeforeEach
    void twoTaggedImages() {
        sandbox = new DockerSandbox(id -> List.of());
        sandbox.ok("docker pull -q nginx");
        sandbox.ok("docker pull -q alpine");
        sandbox.ok("docker tag nginx web:1.0");
    }

    static List<Arguments> mistakes() {
        return List.of(
                Arguments.of("docker rmi foo", 1, "Error response from daemon: No such image: foo:latest\n"),
                Arguments.of("docker image rm nosuch:2.0", 1, "Error response from daemon: No such image: nosuch:2.0\n"),
                Arguments.of("docker history foo", 1, "Error response from daemon: No such image: foo:latest\n"),
                Arguments.of("docker tag foo bar", 1, "Error response from daemon: No such image: foo:latest\n"),
                Arguments.of("docker image inspect foo", 1, "Error response from daemon: No such image: foo:latest\n"),
                Arguments.of("docker pull foo", 1, "Error response from daemon: pull access denied for foo, repository does"
                        + " not exist or may require 'docker login': denied: requested access to the resource is denied\n"),
                Arguments.of("docker pull nginx:nosuch", 1,
                        "Error response from daemon: manifest for nginx:nosuch not found: manifest unknown: manifest unknown\n"),
                Arguments.of("docker pull UPPER:case", 1,
                        "invalid reference format: repository name (library/UPPER) must be lowercase\n"),
                Arguments.of("docker tag nginx UPPER:case", 1, "Error parsing reference: \"UPPER:case\" is not a valid"
                        + " repository/tag: invalid reference format: repository name (library/UPPER) must be lowercase\n"),
                Arguments.of("docker images --bogus", 125, "unknown flag: --bogus\n\nUsage:  docker images [OPTIONS]"
                        + " [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n"),
                Arguments.of("docker image ls -x", 125, "unknown shorthand flag: 'x' in -x\n\nUsage:  docker image ls"
                        + " [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker image ls --help' for more information\n"),
                Arguments.of("docker images --format", 125, "flag needs an argument: --format\n\nUsage:  docker images"
                        + " [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n"),
                Arguments.of("docker foo", 1, "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n"),
                Arguments.of("docker image foo", 1, "docker: unknown command: docker image foo\n\nUsage:  docker image"
                        + " COMMAND\n\nRun 'docker image --help' for more information\n"),
                Arguments.of("docker pull", 1, "docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [OPTIONS]"
                        + " NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information\n"),
                Arguments.of("docker rmi", 1, "docker: 'docker rmi' requires at least 1 argument\n\nUsage:  docker rmi"
                        + " [OPTIONS] IMAGE [IMAGE...]\n\nSee 'docker rmi --help' for more information\n"),
                Arguments.of("docker system df extra", 1, "docker: 'docker system df' accepts no arguments\n\nUsage:  docker"
                        + " system df [OPTIONS]\n\nRun 'docker system df --help' for more information\n"),
                Arguments.of("docker rmi f9367a0ae3c4", 1, "Error response from daemon: conflict: unable to delete"
                        + " f9367a0ae3c4 (must be forced) - image is referenced in multiple repositories\n"),
                Arguments.of("docker images --format '{{.Foo}}'", 1, "template parsing error: template: :1:2: executing \"\""
                        + " at <.Foo>: can't evaluate field Foo in type *formatter.imageContext\n"),
                Arguments.of("docker images --format '{{.ID'", 1, "template parsing error: template: :1: unclosed action\n"),
                Arguments.of("docker push nginx", 1, "denied: requested access to the resource is denied\n"),
                Arguments.of("docker push nothere", 1, "An image does not exist locally with the tag: nothere\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeGetsDockersMessageAndStatusAndChangesNothing(String line, int status, String stderr) {
        String before = state();

        CommandResult result = sandbox.run(line);

        assertThat(result.stderr()).isEqualTo(stderr);
        assertThat(result.exitCode()).isEqualTo(status);
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void noMistakePrintsAnythingOnStandardOutputButThePullPreamble(String line, int status, String stderr) {
        String stdout = sandbox.run(line).stdout();

        assertThat(stdout).matches("(|Using default tag: latest\n(The push refers to repository \\[.*\\]\n(.*: Preparing\n)*)?"
                + "|\\[]\n)");
    }

    private String state() {
        return sandbox.ok("docker images -a --digests --no-trunc") + sandbox.ok("docker system df")
                + sandbox.ok("docker image inspect --format '{{.RepoTags}} {{.Metadata.LastTagTime}}' nginx alpine");
    }

    @org.junit.jupiter.api.Test
    void rmiOfAnImageUsedByAStoppedContainerMustBeForced() {
        DockerSandbox withContainer = new DockerSandbox(id -> List.of(new ContainerUsage.User("4f3e2d1c0b0a99", false)));
        withContainer.ok("docker pull -q alpine");

        CommandResult refused = withContainer.run("docker rmi alpine");

        assertThat(refused.stderr()).isEqualTo("Error response from daemon: conflict: unable to remove repository reference"
                + " \"alpine\" (must force) - container 4f3e2d1c0b0a is using its referenced image 9e9b96844188\n");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(withContainer.ok("docker images -q")).isEqualTo("9e9b96844188\n");
    }
}
