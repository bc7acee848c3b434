package org.laymanlabs.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("--format and the other listing flags")
class FormatTest {

    private final DockerSandbox sandbox = new DockerSandbox();

    @BeforeEach
    void images() {
        sandbox.ok("docker pull -q nginx");
        sandbox.ok("docker pull -q alpine");
        sandbox.ok("docker tag alpine mine:1.0");
    }

    @Test
    void repositoryAndTagTemplatesPrintOneLinePerTag() {
        assertThat(sandbox.ok("docker images --format '{{.Repository}}:{{.Tag}}'"))
                .isEqualTo("alpine:latest\nmine:1.0\nnginx:latest\n");
    }

    @Test
    void quietListsTheIdOfEveryRowEvenWhenRepeated() {
        assertThat(sandbox.ok("docker images -q")).isEqualTo("9e9b96844188\n9e9b96844188\nf9367a0ae3c4\n");
    }

    @Test
    void aTableTemplateGetsHeadersAndAlignedColumns() {
        assertThat(sandbox.ok("docker images --format 'table {{.ID}}\\t{{.Repository}}'"))
                .isEqualTo("IMAGE ID       REPOSITORY\n9e9b96844188   alpine\n9e9b96844188   mine\nf9367a0ae3c4   nginx\n");
    }

    @Test
    void digestsAddAColumnAndNoTruncShowsFullIds() {
        String out = sandbox.ok("docker images --digests --no-trunc nginx");

        assertThat(out).startsWith("REPOSITORY   TAG       DIGEST                                                                    IMAGE ID");
        assertThat(out).contains("nginx        latest    sha256:5e8bcca40d0f83611344db32e11b8da751e47003a7df5cb33a26a9ccd9a60c35   sha256:f9367a0ae3c4");
    }

    @Test
    void jsonPrintsEachRowAsAnObjectWithoutHtmlEscapes() {
        assertThat(sandbox.ok("docker images --format json nginx")).isEqualTo("{\"Containers\":\"N/A\",\"CreatedAt\":"
                + "\"2025-05-21 18:00:46 +0000 UTC\",\"CreatedSince\":\"3 weeks ago\",\"Digest\":\"<none>\",\"ID\":\"f9367a0ae3c4\","
                + "\"Repository\":\"nginx\",\"SharedSize\":\"N/A\",\"Size\":\"192MB\",\"Tag\":\"latest\",\"UniqueSize\":\"N/A\","
                + "\"VirtualSize\":\"192MB\"}\n");
    }

    @Test
    void inspectTemplatesReachIntoTheDocument() {
        assertThat(sandbox.ok("docker image inspect -f '{{.Id}}' nginx")).startsWith("sha256:f9367a0ae3c4");
        assertThat(sandbox.ok("docker image inspect --format '{{.Config.Cmd}}' nginx")).isEqualTo("[nginx -g daemon off;]\n");
        assertThat(sandbox.ok("docker image inspect --format '{{.Config.Entrypoint}} {{.Config.ExposedPorts}}' alpine"))
                .isEqualTo("[] map[]\n");
        assertThat(sandbox.ok("docker image inspect -f '{{json .Config.ExposedPorts}} {{index .Config.Labels \"maintainer\"}}' nginx"))
                .isEqualTo("{\"80/tcp\":{}} NGINX Docker Maintainers <docker-maint@nginx.com>\n");
        assertThat(sandbox.ok("docker image inspect -f '{{len .RootFS.Layers}} {{range .RepoTags}}{{.}} {{end}}' alpine"))
                .isEqualTo("1 alpine:latest mine:1.0 \n");
        assertThat(sandbox.ok("docker image inspect -f '{{.Metadata.LastTagTime}}' alpine")).isEqualTo("2025-06-12T10:00:00Z\n");
    }

    @Test
    void inspectJsonEscapesHtmlAsTheEngineDoes() {
        assertThat(sandbox.ok("docker image inspect nginx")).contains("\"maintainer\": \"NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e\"");
    }

    @Test
    void historyWithoutHumanUnitsShowsExactTimesAndBytes() {
        String out = sandbox.ok("docker history -H=false --no-trunc alpine");

        assertThat(out).startsWith("IMAGE                                                                     CREATED AT             CREATED BY");
        assertThat(out).contains("2025-05-30T12:05:19Z   ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit   8309109");
    }

    @Test
    void helpShowsUsageAliasesAndOptions() {
        String help = sandbox.ok("docker images --help");

        assertThat(help).startsWith("Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n\nAliases:\n"
                + "  docker image ls, docker image list, docker images\n\nOptions:\n");
        assertThat(help).contains("  -a, --all             Show all images (default hides intermediate images)\n");
        assertThat(sandbox.ok("docker --version")).isEqualTo("Docker version 28.2.2, build e6534b4\n");
    }
}
