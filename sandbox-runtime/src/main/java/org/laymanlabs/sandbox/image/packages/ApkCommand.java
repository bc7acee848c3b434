package org.laymanlabs.sandbox.image.packages;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * Alpine's {@code apk}: {@code add} fetches the indexes itself (no update needed), installs with
 * dependencies and reports the world's size; an unknown name fails with "unable to select
 * packages", status 1. The installed database is {@code /lib/apk/db/installed}, as on Alpine.
 */
public final class ApkCommand implements Command {

    private static final String DB = "/lib/apk/db/installed";

    private final String minor;
    private final InstalledFiles installed;

    public ApkCommand(Distro distro, InstalledFiles installed) {
        this.minor = distro.codename().isEmpty() ? "3.22" : distro.codename();
        this.installed = installed;
    }

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public String usage() {
        return "apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]";
    }

    @Override
    public String summary() {
        return "Alpine Package Keeper";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> words = invocation.args().stream().filter(a -> !a.startsWith("-")).toList();
        FileSystem files = invocation.shell().files();
        if (words.isEmpty()) {
            return CommandResult.error("apk-tools 2.14.9, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n", 1);
        }
        return switch (words.get(0)) {
            case "update" -> CommandResult.ok(fetches() + "v" + minor + ".0 [https://dl-cdn.alpinelinux.org/alpine/v"
                    + minor + "/main]\nv" + minor + ".0 [https://dl-cdn.alpinelinux.org/alpine/v" + minor
                    + "/community]\nOK: 24181 distinct packages available\n");
            case "add" -> add(files, words.subList(1, words.size()));
            default -> CommandResult.error("apk: " + words.get(0) + ": command not supported in this sandbox\n", 1);
        };
    }

    private String fetches() {
        String base = "fetch https://dl-cdn.alpinelinux.org/alpine/v" + minor + "/";
        return base + "main/x86_64/APKINDEX.tar.gz\n" + base + "community/x86_64/APKINDEX.tar.gz\n";
    }

    private CommandResult add(FileSystem files, List<String> requested) {
        PackageCatalog catalog = AlpineArchive.packages(minor);
        List<String> missing = requested.stream().filter(r -> catalog.find(r).isEmpty()).toList();
        if (!missing.isEmpty()) {
            StringBuilder err = new StringBuilder("ERROR: unable to select packages:\n");
            missing.forEach(m -> err.append("  ").append(m).append(" (no such package):\n    required by: world[")
                    .append(m).append("]\n"));
            return new CommandResult(fetches(), err.toString(), 1);
        }
        Set<String> before = installedNames(files);
        List<Package> plan = catalog.resolve(requested, before);
        StringBuilder out = new StringBuilder(fetches());
        StringBuilder db = new StringBuilder(files.exists(DB) ? files.read(DB) : "");
        for (int i = 0; i < plan.size(); i++) {
            Package p = plan.get(i);
            out.append('(').append(i + 1).append('/').append(plan.size()).append(") Installing ").append(p.name())
                    .append(" (").append(p.version()).append(")\n");
            FileWrites.install(files, installed, p);
            db.append("P:").append(p.name()).append("\nV:").append(p.version()).append("\nI:")
                    .append(p.installedBytes()).append("\n\n");
        }
        FileWrites.writeText(files, DB, db.toString());
        if (!plan.isEmpty()) {
            out.append("Executing ").append(AlpineArchive.busyboxTrigger(minor)).append('\n');
        }
        int count = AlpineArchive.basePackages(minor) + before.size() + plan.size();
        long bytes = AlpineArchive.baseBytes() + installedBytes(db.toString());
        return CommandResult.ok(out.append("OK: ").append(Math.round(bytes / 1048576.0)).append(" MiB in ")
                .append(count).append(" packages\n").toString());
    }

    private static long installedBytes(String db) {
        return db.lines().filter(l -> l.startsWith("I:")).mapToLong(l -> Long.parseLong(l.substring(2))).sum();
    }

    private static Set<String> installedNames(FileSystem files) {
        Set<String> names = new TreeSet<>();
        if (files.exists(DB)) {
            files.read(DB).lines().filter(l -> l.startsWith("P:")).forEach(l -> names.add(l.substring(2)));
        }
        return names;
    }
}
