package org.laymanlabs.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.coreutils.Coreutils;
import org.laymanlabs.sandbox.vfs.FileSystemException;

class RootFileSystemTest {

    private final Diff base = Diff.builder()
            .dir("/etc").file("/etc/os-release", "ID=debian\n")
            .dir("/root")
            .dir("/usr/share/nginx/html").file("/usr/share/nginx/html/index.html", "<h1>Welcome to nginx!</h1>\n")
            .build();
    private final RootFileSystem root = new RootFileSystem(List.of(base), "/root");

    @Test
    void readsTheImagesFiles() {
        assertThat(root.read("/etc/os-release")).isEqualTo("ID=debian\n");
        assertThat(root.list("/usr/share/nginx/html")).containsExactly("index.html");
    }

    @Test
    void aWriteGoesToTheContainersOwnLayerAndLeavesTheImageAlone() {
        root.write("/usr/share/nginx/html/index.html", "mine\n");

        assertThat(root.read("/usr/share/nginx/html/index.html")).isEqualTo("mine\n");
        assertThat(new RootFileSystem(List.of(base), "/root").read("/usr/share/nginx/html/index.html"))
                .isEqualTo("<h1>Welcome to nginx!</h1>\n");
    }

    @Test
    void deletingAnImageFileLeavesAWhiteoutInTheWritableLayer() {
        root.remove("/etc/os-release", false);

        assertThat(root.exists("/etc/os-release")).isFalse();
        assertThat(root.list("/etc")).isEmpty();
        assertThat(root.changes().root().child("etc").orElseThrow().toString()).contains(".wh.os-release");
    }

    @Test
    void aFileRecreatedAfterDeletionIsVisibleAgain() {
        root.remove("/etc/os-release", false);
        root.write("/etc/os-release", "ID=mine\n");

        assertThat(root.read("/etc/os-release")).isEqualTo("ID=mine\n");
    }

    @Test
    void removingADirectoryTakesItsImageContentsAlong() {
        root.remove("/usr/share/nginx", true);

        assertThat(root.exists("/usr/share/nginx/html/index.html")).isFalse();
        assertThat(root.list("/usr/share")).isEmpty();
    }

    @Test
    void refusesWhatLinuxRefuses() {
        assertThatThrownBy(() -> root.write("/nope/file", "x")).isInstanceOfSatisfying(FileSystemException.class,
                e -> assertThat(e.reason()).isEqualTo(FileSystemException.Reason.NO_SUCH_FILE));
        assertThatThrownBy(() -> root.read("/etc")).isInstanceOfSatisfying(FileSystemException.class,
                e -> assertThat(e.reason()).isEqualTo(FileSystemException.Reason.IS_A_DIRECTORY));
        assertThatThrownBy(() -> root.mkdir("/etc", false)).isInstanceOfSatisfying(FileSystemException.class,
                e -> assertThat(e.reason()).isEqualTo(FileSystemException.Reason.EXISTS));
    }

    @Test
    void theShellsToolsWorkInsideTheContainer() {
        CommandLineShell shell = new CommandLineShell(Coreutils.all(), root, "root");

        shell.run("mkdir -p /app/static");
        shell.run("touch /app/static/a.css");

        assertThat(shell.run("ls /app/static")).isEqualTo(CommandResult.ok("a.css\n"));
        assertThat(shell.run("cat /etc/os-release").stdout()).isEqualTo("ID=debian\n");
        assertThat(shell.run("rm /etc").stderr()).isEqualTo("rm: cannot remove '/etc': Is a directory\n");
    }
}
