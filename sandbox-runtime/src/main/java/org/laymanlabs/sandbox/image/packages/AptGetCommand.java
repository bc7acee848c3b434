package org.laymanlabs.sandbox.image.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * {@code apt-get} and {@code apt} in a Debian or Ubuntu root: {@code update} leaves the index
 * files under {@code /var/lib/apt/lists}, {@code install} needs them (on a fresh image every
 * package is "Unable to locate", exit 100), resolves dependencies and installs them with apt's
 * non-interactive output. Without {@code -y} it stops at the prompt when it would add more than
 * was asked for, as it does with no terminal.
 */
public final class AptGetCommand implements Command {

    private static final String LISTS = "/var/lib/apt/lists";
    private static final String INFO = "/var/lib/dpkg/info";

    private final String name;
    private final String codename;
    private final InstalledFiles installed;

    /** @param name {@code apt-get} or {@code apt} */
    public AptGetCommand(String name, Distro distro, InstalledFiles installed) {
        this.name = name;
        this.codename = distro.codename();
        this.installed = installed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name + " [options] command";
    }

    @Override
    public String summary() {
        return "APT package handling utility";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        FileSystem files = invocation.shell().files();
        String warning = name.equals("apt") ? "\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n" : "";
        List<String> words = new ArrayList<>();
        boolean yes = false;
        for (String arg : invocation.args()) {
            if (arg.equals("-y") || arg.equals("--yes") || arg.equals("--assume-yes") || arg.matches("-[a-z]*y[a-z]*")) {
                yes = true;
            } else if (!arg.startsWith("-")) {
                words.add(arg);
            }
        }
        if (words.isEmpty()) {
            return CommandResult.error(warning + "E: Invalid operation " + "\n", 100);
        }
        CommandResult result = switch (words.get(0)) {
            case "update" -> update(files);
            case "install" -> install(files, words.subList(1, words.size()), yes);
            case "upgrade", "dist-upgrade" -> CommandResult.ok(preamble() + "Calculating upgrade...\n"
                    + "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
            case "clean", "autoclean", "autoremove", "remove", "purge" -> CommandResult.ok(
                    words.get(0).startsWith("auto") || words.get(0).equals("clean") ? "" : preamble()
                            + "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
            default -> CommandResult.error("E: Invalid operation " + words.get(0) + "\n", 100);
        };
        return new CommandResult(result.stdout(), warning + result.stderr(), result.exitCode());
    }

    private CommandResult update(FileSystem files) {
        boolean fresh = !updated(files);
        StringBuilder out = new StringBuilder();
        long fetched = 0;
        int n = 1;
        for (AptArchive.Index index : AptArchive.indexes(codename)) {
            if (fresh) {
                out.append("Get:").append(n++).append(' ').append(index.url()).append(' ').append(index.what())
                        .append(" [").append(FileWrites.size(index.bytes())).append("]\n");
                fetched += index.bytes();
                FileWrites.writeText(files, LISTS + "/" + index.listFile(), "");
                installed.binary(LISTS + "/" + index.listFile(), "apt-index", index.bytes(), 0644);
            } else if (index.what().endsWith("InRelease")) {
                out.append("Hit:").append(n++).append(' ').append(index.url()).append(' ').append(index.what()).append('\n');
            }
        }
        if (fresh) {
            out.append("Fetched ").append(FileWrites.size(fetched)).append(" in 2s (")
                    .append(FileWrites.size(fetched / 2.0)).append("/s)\n");
        }
        return CommandResult.ok(out.append("Reading package lists...\n").toString());
    }

    private boolean updated(FileSystem files) {
        return files.exists(LISTS + "/" + AptArchive.indexes(codename).get(0).listFile());
    }

    private static String preamble() {
        return "Reading package lists...\nBuilding dependency tree...\nReading state information...\n";
    }

    private CommandResult install(FileSystem files, List<String> requested, boolean yes) {
        StringBuilder out = new StringBuilder(preamble());
        PackageCatalog catalog = AptArchive.packages(codename);
        for (String wanted : requested) {
            if (!updated(files) || catalog.find(wanted).isEmpty()) {
                return new CommandResult(out.toString(), "E: Unable to locate package " + wanted + "\n", 100);
            }
        }
        Set<String> already = installedNames(files);
        List<Package> plan = catalog.resolve(requested, already);
        for (String wanted : requested) {
            if (already.contains(wanted)) {
                out.append(wanted).append(" is already the newest version (")
                        .append(catalog.find(wanted).orElseThrow().version()).append(").\n");
            }
        }
        List<String> extra = plan.stream().map(Package::name).filter(p -> !requested.contains(p)).sorted().toList();
        if (!extra.isEmpty()) {
            out.append("The following additional packages will be installed:\n").append(wrapped(extra));
        }
        if (!plan.isEmpty()) {
            out.append("The following NEW packages will be installed:\n")
                    .append(wrapped(plan.stream().map(Package::name).sorted().toList()));
        }
        long download = plan.stream().mapToLong(Package::downloadBytes).sum();
        long disk = plan.stream().mapToLong(Package::installedBytes).sum();
        out.append("0 upgraded, ").append(plan.size()).append(" newly installed, 0 to remove and 0 not upgraded.\n");
        if (plan.isEmpty()) {
            return CommandResult.ok(out.toString());
        }
        out.append("Need to get ").append(FileWrites.size(download)).append(" of archives.\n")
                .append("After this operation, ").append(FileWrites.size(disk)).append(" of additional disk space will be used.\n");
        if (!yes && !extra.isEmpty()) {
            return new CommandResult(out.append("Do you want to continue? [Y/n] Abort.\n").toString(), "", 1);
        }
        return CommandResult.ok(unpack(files, plan, already.size(), out).toString());
    }

    private StringBuilder unpack(FileSystem files, List<Package> plan, int installedBefore, StringBuilder out) {
        String mirror = AptArchive.mirror(codename);
        for (int i = 0; i < plan.size(); i++) {
            Package p = plan.get(i);
            out.append("Get:").append(i + 1).append(' ').append(mirror).append(' ').append(codename).append("/main amd64 ")
                    .append(p.name()).append(" amd64 ").append(p.version()).append(" [")
                    .append(FileWrites.size(p.downloadBytes())).append("]\n");
        }
        long download = plan.stream().mapToLong(Package::downloadBytes).sum();
        out.append("Fetched ").append(FileWrites.size(download)).append(" in 1s (").append(FileWrites.size(download))
                .append("/s)\n");
        // debconf's stderr line comes here in the build stream, which carries both streams in order.
        out.append("debconf: delaying package configuration, since apt-utils is not installed\n");
        int database = AptArchive.baseDatabaseFiles(codename) + installedBefore * 40;
        int width = String.valueOf(plan.size() - 1).length();
        for (int i = 0; i < plan.size(); i++) {
            Package p = plan.get(i);
            out.append("Selecting previously unselected package ").append(p.name()).append(".\n");
            if (i == 0) {
                out.append("(Reading database ... ").append(database).append(" files and directories currently installed.)\n");
            }
            String number = plan.size() > 1 ? String.format("%0" + width + "d-", i) : "";
            out.append("Preparing to unpack .../").append(number).append(p.name()).append('_')
                    .append(p.version().replaceFirst("^\\d+:", "")).append("_amd64.deb ...\n")
                    .append("Unpacking ").append(p.name()).append(" (").append(p.version()).append(") ...\n");
            FileWrites.install(files, installed, p);
            FileWrites.writeText(files, INFO + "/" + p.name() + ".list",
                    String.join("\n", p.binaries().stream().map(Package.PackageFile::path).toList()) + "\n");
        }
        for (Package p : plan) {
            out.append("Setting up ").append(p.name()).append(" (").append(p.version()).append(") ...\n");
        }
        return out.append("Processing triggers for libc-bin (").append(AptArchive.libcVersion(codename)).append(") ...\n");
    }

    private static Set<String> installedNames(FileSystem files) {
        Set<String> names = new TreeSet<>();
        if (files.isDirectory(INFO)) {
            files.list(INFO).stream().filter(n -> n.endsWith(".list")).forEach(n -> names.add(n.substring(0, n.length() - 5)));
        }
        return names;
    }

    /** apt's package lists: two-space indent, words wrapped before column 80. */
    static String wrapped(List<String> names) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(" ");
        for (String name : names) {
            if (line.length() + 1 + name.length() > 79) {
                out.append(line).append('\n');
                line = new StringBuilder(" ");
            }
            line.append(' ').append(name);
        }
        return out.append(line).append('\n').toString();
    }
}
