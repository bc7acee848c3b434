package org.laymanlabs.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Image references, as distribution/reference normalizes them")
class ReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "nginx, docker.io/library/nginx:latest, nginx:latest",
        "library/nginx, docker.io/library/nginx:latest, nginx:latest",
        "docker.io/library/nginx:latest, docker.io/library/nginx:latest, nginx:latest",
        "index.docker.io/library/nginx:1.27, docker.io/library/nginx:1.27, nginx:1.27",
        "hashicorp/http-echo, docker.io/hashicorp/http-echo:latest, hashicorp/http-echo:latest",
        "localhost:5000/web:v1, localhost:5000/web:v1, localhost:5000/web:v1",
    })
    void familiarAndFullNamesOfTheSameRepositoryAgree(String typed, String full, String familiar) {
        Reference ref = Reference.parse(typed).withDefaultTag();

        assertThat(ref.toString()).isEqualTo(full);
        assertThat(ref.familiarString()).isEqualTo(familiar);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UPPER:case|invalid reference format: repository name (library/UPPER) must be lowercase",
        "nginx:|invalid reference format",
        "-nginx|invalid reference format",
        "nginx:bad tag|invalid reference format",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|invalid repository name"
                + " (0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef), cannot specify 64-byte hexadecimal strings",
    })
    void badReferencesAreRejectedWithDistributionsMessage(String typed, String message) {
        assertThatThrownBy(() -> Reference.parse(typed)).isInstanceOf(InvalidReferenceException.class).hasMessage(message);
    }

    @Test
    void aDigestReferenceKeepsItsDigest() {
        Reference ref = Reference.parse("nginx@sha256:" + "a".repeat(64));

        assertThat(ref.digestIfAny()).contains(new Digest("a".repeat(64)));
        assertThat(ref.familiarString()).isEqualTo("nginx@sha256:" + "a".repeat(64));
    }
}
