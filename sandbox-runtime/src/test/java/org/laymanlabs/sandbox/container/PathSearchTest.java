package org.laymanlabs.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.UnionView;
import org.junit.jupiter.api.Test;

class PathSearchTest {

    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** A Debian-like image (merged /usr), a layer that adds and deletes tools, and one that hides a directory. */
    final Diff base = Diff.builder()
            .symlink("/bin", "usr/bin")
            .symlink("/sbin", "usr/sbin")
            .binary("/usr/bin/cat", "cat", 40_000, 0755)
            .binary("/usr/bin/grep", "grep", 200_000, 0755)
            .binary("/usr/bin/dig", "dig", 90_000, 0755)
            .binary("/usr/bin/nslookup", "nslookup", 90_000, 0755)
            .binary("/usr/sbin/wc", "wc", 40_000, 0755)
            .dir("/usr/local/bin/sort")
            .build();
    final Diff upper = Diff.builder()
            .whiteout("/usr/bin/grep")
            .symlink("/usr/local/bin/curl", "../../bin/curl.real")
            .binary("/usr/bin/curl.real", "curl", 300_000, 0755)
            .symlink("/usr/local/bin/head", "/nowhere/head")
            .file("/usr/local/sbin/dig", "#!/bin/sh\necho not the real dig\n", 0755)
            .build();
    final Diff hiding = Diff.builder().opaque("/usr/sbin").build();

    @Test
    void findsEachToolWhereStatFindsARegularFileThroughTheLayersLinksAndWhiteouts() {
        PathSearch search = new PathSearch(new UnionView(List.of(base, upper)), PATH);

        assertThat(search.has("cat")).isTrue();
        assertThat(search.has("wc")).as("in /usr/sbin, also reached as /sbin").isTrue();
        assertThat(search.has("curl")).as("a relative link to a regular file").isTrue();
        assertThat(search.has("grep")).as("whited out above").isFalse();
        assertThat(search.has("sort")).as("a directory is no program").isFalse();
        assertThat(search.has("head")).as("a dangling link").isFalse();
        assertThat(search.has("ls")).isFalse();
    }

    @Test
    void anOpaqueDirectoryHidesTheToolsBelowIt() {
        PathSearch search = new PathSearch(new UnionView(List.of(base, upper, hiding)), PATH);

        assertThat(search.has("wc")).isFalse();
        assertThat(search.has("cat")).isTrue();
    }

    @Test
    void aKindIsTheFirstBinaryOnThePathPastAScriptOfTheSameName() {
        PathSearch search = new PathSearch(new UnionView(List.of(base, upper)), PATH);

        assertThat(search.kind("dig")).contains("dig");
        assertThat(search.kind("nslookup")).contains("nslookup");
        assertThat(search.kind("host")).isEmpty();
    }

    @Test
    void busyboxAnywhereOnThePathIsEveryApplet() {
        Diff busybox = Diff.builder().binary("/bin/busybox", "busybox", 1_000_000, 0755).symlink("/bin/nslookup", "busybox")
                .build();
        PathSearch search = new PathSearch(new UnionView(List.of(busybox)), PATH);

        assertThat(search.has("ls")).isTrue();
        assertThat(search.has("anything")).isTrue();
        assertThat(search.kind("nslookup")).contains("busybox");
    }

    @Test
    void anEmptyImageHasNothingAndMissingDirectoriesListNothing() {
        PathSearch search = new PathSearch(new UnionView(List.of(Diff.builder().build())), PATH);

        assertThat(search.has("cat")).isFalse();
        assertThat(search.kind("dig")).isEmpty();
    }
}
