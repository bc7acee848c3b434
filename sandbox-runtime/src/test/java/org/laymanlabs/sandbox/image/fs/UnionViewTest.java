package org.laymanlabs.sandbox.image.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A union of layers, as overlayfs shows it")
class UnionViewTest {

    private final Diff base = Diff.builder()
            .file("/etc/motd", "welcome\n")
            .file("/etc/hostname", "base\n")
            .file("/app/old.txt", "old\n")
            .file("/app/lib/util.py", "print('u')\n")
            .symlink("/bin", "usr/bin")
            .file("/usr/bin/sh", "#!shell\n", 0755)
            .build();

    @Nested
    @DisplayName("an upper layer")
    class Upper {

        @Test
        void hidesTheSameFileBelow() {
            Diff upper = Diff.builder().file("/etc/hostname", "upper\n").build();

            assertThat(new UnionView(List.of(base, upper)).read("/etc/hostname")).contains("upper\n");
        }

        @Test
        void addsItsFilesToTheDirectoriesBelow() {
            Diff upper = Diff.builder().file("/etc/new.conf", "x\n").build();

            assertThat(new UnionView(List.of(base, upper)).list("/etc").keySet())
                    .containsExactly("hostname", "motd", "new.conf");
        }
    }

    @Nested
    @DisplayName("a whiteout")
    class Whiteouts {

        @Test
        void hidesTheLowerFileFromLookupsAndListings() {
            Diff upper = Diff.builder().whiteout("/etc/motd").build();
            UnionView view = new UnionView(List.of(base, upper));

            assertThat(view.exists("/etc/motd")).isFalse();
            assertThat(view.list("/etc").keySet()).containsExactly("hostname");
        }

        @Test
        void hidesAWholeLowerDirectory() {
            Diff upper = Diff.builder().whiteout("/app").build();
            UnionView view = new UnionView(List.of(base, upper));

            assertThat(view.exists("/app/lib/util.py")).isFalse();
            assertThat(view.list("/").keySet()).doesNotContain("app", ".wh.app");
        }

        @Test
        void doesNotHideAFileALaterLayerAddsBack() {
            Diff removed = Diff.builder().whiteout("/etc/motd").build();
            Diff restored = Diff.builder().file("/etc/motd", "back\n").build();

            assertThat(new UnionView(List.of(base, removed, restored)).read("/etc/motd")).contains("back\n");
        }
    }

    @Nested
    @DisplayName("an opaque directory")
    class Opaque {

        @Test
        void hidesEverythingTheLowerDirectoryHeldButKeepsItsOwnEntries() {
            Diff upper = Diff.builder().opaque("/app").file("/app/new.txt", "new\n").build();
            UnionView view = new UnionView(List.of(base, upper));

            assertThat(view.list("/app").keySet()).containsExactly("new.txt");
            assertThat(view.exists("/app/old.txt")).isFalse();
            assertThat(view.exists("/app/lib/util.py")).isFalse();
            assertThat(view.read("/app/new.txt")).contains("new\n");
        }
    }

    @Nested
    @DisplayName("paths")
    class Paths {

        @Test
        void followSymlinksInTheMiddleAndAtTheEnd() {
            UnionView view = new UnionView(List.of(base));

            assertThat(view.read("/bin/sh")).contains("#!shell\n");
            assertThat(view.lstat("/bin")).containsInstanceOf(Symlink.class);
            assertThat(view.stat("/bin")).containsInstanceOf(Directory.class);
        }

        @Test
        void resolveDotDotAndAbsoluteLinks() {
            Diff links = Diff.builder().file("/usr/lib/os-release", "ID=x\n")
                    .symlink("/etc/os-release", "../usr/lib/os-release").symlink("/loop", "/loop").build();
            UnionView view = new UnionView(List.of(links));

            assertThat(view.read("/etc/os-release")).contains("ID=x\n");
            assertThat(view.stat("/loop")).isEmpty();
        }
    }

    @Test
    void sizesCountFilesAndSymlinkTargetsAsMobyDoes() {
        Diff links = Diff.builder().symlink("/usr/local/bin/python", "python3").file("/a", "12345").build();

        assertThat(links.size()).isEqualTo(7 + 5);
        assertThat(new UnionView(List.of(links)).size("/a")).contains(5L);
    }
}
