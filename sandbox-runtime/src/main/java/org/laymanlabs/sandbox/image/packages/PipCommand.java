package org.laymanlabs.sandbox.image.packages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * {@code pip} / {@code pip3} (pip 25.0.1 on Python 3.12): {@code install NAME…} and
 * {@code install -r requirements.txt} into site-packages, with pip's "Collecting…",
 * "Successfully installed…", the root-user warning and the new-release notice; an unknown name
 * is "Could not find a version that satisfies the requirement", status 1.
 */
public final class PipCommand implements Command {

    private final String name;
    private final InstalledFiles installed;

    public PipCommand(String name, InstalledFiles installed) {
        this.name = name;
        this.installed = installed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name + " <command> [options]";
    }

    @Override
    public String summary() {
        return "The Python package installer";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> args = invocation.args();
        if (args.isEmpty() || !args.get(0).equals("install")) {
            return args.contains("--version") || args.contains("-V")
                    ? CommandResult.ok("pip 25.0.1 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n")
                    : CommandResult.error("ERROR: unknown command \"" + (args.isEmpty() ? "" : args.get(0)) + "\"\n", 1);
        }
        FileSystem files = invocation.shell().files();
        List<String> requested = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-r") || arg.equals("--requirement")) {
                String path = invocation.shell().resolve(args.get(++i));
                if (!files.exists(path)) {
                    return CommandResult.error("ERROR: Could not open requirements file: [Errno 2] No such file or directory: '"
                            + args.get(i) + "'\n", 1);
                }
                files.read(path).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(requested::add);
            } else if (!arg.startsWith("-")) {
                requested.add(arg);
            }
        }
        return install(files, requested);
    }

    private CommandResult install(FileSystem files, List<String> requirements) {
        String sitePackages = files.isDirectory("/usr/local/lib/python3.12/site-packages")
                ? "/usr/local/lib/python3.12/site-packages" : "/usr/lib/python3/dist-packages";
        PackageCatalog catalog = PyPi.packages();
        Set<String> before = installedNames(files, sitePackages);
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (String requirement : requirements) {
            String project = requirement.split("[<>=!~\\[; ]", 2)[0].toLowerCase(Locale.ROOT).replace('_', '-');
            if (before.contains(project)) {
                out.append("Requirement already satisfied: ").append(requirement).append(" in ").append(sitePackages)
                        .append(" (").append(catalog.find(project).map(Package::version).orElse("")).append(")\n");
                continue;
            }
            if (catalog.find(project).isEmpty()) {
                return new CommandResult(out.toString(), "ERROR: Could not find a version that satisfies the requirement "
                        + requirement + " (from versions: none)\nERROR: No matching distribution found for " + requirement
                        + "\n", 1);
            }
            out.append("Collecting ").append(requirement).append('\n');
            names.add(project);
        }
        List<Package> plan = catalog.resolve(names, before);
        for (Package p : plan) {
            if (!names.contains(p.name())) {
                out.append("Collecting ").append(p.name()).append(PyPi.constraint(p.name())).append(" (from ")
                        .append(PyPi.requiredBy(p, plan)).append(")\n");
            }
            out.append("  Downloading ").append(PyPi.wheel(p)).append(".metadata (")
                    .append(FileWrites.size(2_000 + p.downloadBytes() / 40)).append(")\n");
        }
        for (Package p : plan) {
            out.append("Downloading ").append(PyPi.wheel(p)).append(" (").append(FileWrites.size(p.downloadBytes())).append(")\n");
        }
        if (!plan.isEmpty()) {
            out.append("Installing collected packages: ")
                    .append(String.join(", ", plan.stream().map(Package::name).toList())).append('\n');
        }
        for (Package p : plan) {
            String dir = sitePackages + "/" + p.name().replace('-', '_');
            FileWrites.writeText(files, dir + "/__init__.py", "");
            FileWrites.writeText(files, sitePackages + "/" + p.name().replace('-', '_') + "-" + p.version()
                    + ".dist-info/METADATA", "Metadata-Version: 2.1\nName: " + p.name() + "\nVersion: " + p.version() + "\n");
            FileWrites.install(files, installed, p);
        }
        if (!plan.isEmpty()) {
            out.append("Successfully installed ").append(String.join(" ", plan.stream()
                    .map(p -> p.name() + "-" + p.version()).sorted().toList())).append('\n');
        }
        return new CommandResult(out.toString(), plan.isEmpty() ? "" : PyPi.ROOT_WARNING, 0);
    }

    private static Set<String> installedNames(FileSystem files, String sitePackages) {
        Set<String> names = new TreeSet<>();
        if (files.isDirectory(sitePackages)) {
            for (String entry : files.list(sitePackages)) {
                if (entry.endsWith(".dist-info")) {
                    names.add(entry.substring(0, entry.indexOf('-')).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }
        return names;
    }
}
