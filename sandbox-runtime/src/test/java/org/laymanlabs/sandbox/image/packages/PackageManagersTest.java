package org.laymanlabs.sandbox.image.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.RootFileSystem;
import org.laymanlabs.sandbox.image.Layer;
import org.laymanlabs.sandbox.image.catalog.Catalog;
import org.laymanlabs.sandbox.shell.CommandLineShell;

class PackageManagersTest {

    private final InstalledFiles installed = new InstalledFiles();

    private CommandLineShell shellIn(String image) {
        RootFileSystem root = new RootFileSystem(Catalog.shared().image(image).orElseThrow().layers().stream()
                .map(Layer::diff).toList(), "/root");
        Distro distro = Distro.detect(root).orElseThrow();
        return new CommandLineShell(List.of(new AptGetCommand("apt-get", distro, installed), new ApkCommand(distro, installed),
                new PipCommand("pip", installed)), root, "root");
    }

    @Test
    void aptGetInstallOnAFreshImageCannotLocateAnyPackage() {
        CommandResult result = shellIn("debian:bookworm-slim").run("apt-get install -y curl");

        assertThat(result.stderr()).isEqualTo("E: Unable to locate package curl\n");
        assertThat(result.exitCode()).isEqualTo(100);
    }

    @Test
    void aptGetInstallsAfterUpdateAndRecordsTheRealBinary() {
        CommandLineShell shell = shellIn("debian:bookworm-slim");
        shell.run("apt-get update");

        CommandResult result = shell.run("apt-get install -y curl");

        assertThat(result.stdout()).contains("Setting up curl (7.88.1-10+deb12u12) ...\n");
        assertThat(installed.entries()).contains(new InstalledFiles.Binary("/usr/bin/curl", "curl", 309_896, 0755));
        assertThat(shell.run("apt-get install -y curl").stdout()).contains("curl is already the newest version (7.88.1-10+deb12u12).\n");
        assertThat(shell.run("apt-get install -y nosuch").exitCode()).isEqualTo(100);
    }

    @Test
    void aptGetWithoutYesAbortsAtThePromptWhenItWouldAddMore() {
        CommandLineShell shell = shellIn("ubuntu:22.04");
        shell.run("apt-get update");

        CommandResult result = shell.run("apt-get install nginx");

        assertThat(result.stdout()).endsWith("Do you want to continue? [Y/n] Abort.\n");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void apkRefusesAnUnknownPackageWithItsOwnMessage() {
        CommandResult result = shellIn("alpine:3.22").run("apk add nosuch");

        assertThat(result.stderr()).isEqualTo("ERROR: unable to select packages:\n  nosuch (no such package):\n"
                + "    required by: world[nosuch]\n");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void pipInstallsDependenciesAndRefusesUnknownProjects() {
        CommandLineShell shell = shellIn("python:3.12-slim");

        CommandResult flask = shell.run("pip install flask");
        assertThat(flask.stdout()).contains("Collecting flask\n").endsWith("Successfully installed blinker-1.9.0"
                + " click-8.2.1 flask-3.1.1 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.2 werkzeug-3.1.3\n");
        CommandResult missing = shell.run("pip install flaskk");
        assertThat(missing.stderr()).startsWith("ERROR: Could not find a version that satisfies the requirement flaskk"
                + " (from versions: none)\n");
        assertThat(missing.exitCode()).isEqualTo(1);
    }
}
