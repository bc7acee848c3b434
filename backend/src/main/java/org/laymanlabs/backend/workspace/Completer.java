package org.laymanlabs.backend.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Tab completion in the spirit of bash-completion and {@code kubectl completion bash}: command
 * names, subcommands and flags come from the sandbox's own help texts (read once, in a sandbox
 * of their own, so the learner's history and {@code $?} are untouched), and names from what exists
 * now in the learner's sandbox: resource types and objects, containers, images, nodes and
 * workspace files.
 */
final class Completer {

    private static final Pattern LISTED = Pattern.compile("(?m)^  ([a-z][a-z0-9-]*)\\s{2,}\\S");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])(--?[a-zA-Z][a-zA-Z0-9-]*)");
    private static final List<String> WITH_FLAGS = List.of(
            "kubectl get", "kubectl describe", "kubectl apply", "kubectl create", "kubectl delete", "kubectl scale",
            "kubectl logs", "kubectl expose", "kubectl run", "kubectl rollout", "kubectl label", "kubectl exec",
            "docker run", "docker ps", "docker build", "docker logs", "docker exec", "docker images", "docker rm",
            "docker stop", "docker network", "curl", "ls", "rm", "iptables");
    /** Subcommands whose next word names an object of a kind: {@code kubectl get <type>}. */
    private static final List<String> KUBECTL_TYPED = List.of("get", "describe", "delete", "edit", "label", "annotate",
            "scale", "patch", "explain", "rollout");
    private static final List<String> DOCKER_CONTAINER = List.of("start", "stop", "restart", "rm", "logs", "exec", "kill",
            "inspect", "port", "top", "diff", "commit");
    private static final List<String> DOCKER_IMAGE = List.of("run", "create", "rmi", "history", "tag", "push", "pull");
    private static final List<String> FILE_COMMANDS = List.of("cat", "ls", "rm", "head", "tail", "wc", "grep", "cp", "mv",
            "sort", "chmod", "touch");

    private final Sandbox sandbox;
    private final Vocabulary vocabulary;

    /**
     * The commands, subcommands and flags, read from the help texts of {@code helpSource}: a
     * sandbox of its own, since running help in the learner's would add lines their journal
     * never saw. Every sandbox has the same help, so one reading serves them all.
     */
    record Vocabulary(List<String> commands, Map<String, List<String>> subcommands, Map<String, List<String>> flags) {

        static Vocabulary readFrom(Sandbox helpSource) {
            Map<String, List<String>> subcommands = new TreeMap<>();
            Map<String, List<String>> flags = new TreeMap<>();
            subcommands.put("kubectl", listed(helpSource.shell().run("kubectl --help").stdout()));
            subcommands.put("docker", listed(helpSource.shell().run("docker --help").stdout()));
            for (String command : WITH_FLAGS) {
                flags.put(command, flagsIn(helpSource.shell().run(command + " --help").stdout()));
            }
            return new Vocabulary(listed(helpSource.shell().run("help").stdout()), Map.copyOf(subcommands), Map.copyOf(flags));
        }
    }

    /** Completes in {@code sandbox}, reading only: names come from what exists there now. */
    Completer(Vocabulary vocabulary, Sandbox sandbox) {
        this.sandbox = sandbox;
        this.vocabulary = vocabulary;
    }

    Completion complete(String line) {
        if (sandbox.shell().files() != sandbox.workspace()) {
            return completeIn(line, paths(line.substring(wordStart(line))));
        }
        return completeIn(line, null);
    }

    private static int wordStart(String line) {
        return Math.max(line.lastIndexOf(' '), Math.max(line.lastIndexOf('|'), line.lastIndexOf(';'))) + 1;
    }

    /** @param given the candidates to use, or null to find them as the laptop's bash-completion would */
    private Completion completeIn(String line, List<String> given) {
        int start = Math.max(line.lastIndexOf(' '), Math.max(line.lastIndexOf('|'), line.lastIndexOf(';'))) + 1;
        String word = line.substring(start);
        List<String> before = words(line.substring(0, start));
        List<String> fits = (given != null ? given : candidates(before, word)).stream().filter(c -> c.startsWith(word)).distinct().sorted().toList();
        if (fits.isEmpty()) {
            return new Completion(line, List.of());
        }
        if (fits.size() == 1) {
            String only = fits.get(0);
            return new Completion(line.substring(0, start) + only + (only.endsWith("/") ? "" : " "), List.of());
        }
        String common = commonPrefix(fits);
        return common.length() > word.length()
                ? new Completion(line.substring(0, start) + common, List.of())
                : new Completion(line, fits);
    }

    /** The words of the current command: what follows the last pipe, semicolon or and-or. */
    private static List<String> words(String typed) {
        String[] parts = typed.split("\\|\\||&&|\\||;");
        String last = typed.matches(".*(\\||;|&&)\\s*$") ? "" : parts.length == 0 ? "" : parts[parts.length - 1];
        return List.of(last.strip().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    private List<String> candidates(List<String> before, String word) {
        if (before.isEmpty()) {
            return vocabulary.commands();
        }
        String command = before.get(0);
        String sub = before.size() > 1 ? before.get(1) : "";
        String previous = before.get(before.size() - 1);
        if (word.startsWith("-")) {
            return vocabulary.flags().getOrDefault(command + " " + sub, vocabulary.flags().getOrDefault(command, List.of()));
        }
        if (previous.equals("-f") || previous.equals("--filename") || FILE_COMMANDS.contains(command)) {
            return files(word);
        }
        if (command.equals("kubectl")) {
            return kubectl(before);
        }
        if (command.equals("docker")) {
            return before.size() == 1 ? vocabulary.subcommands().get("docker") : docker(sub);
        }
        if (command.equals("node-shell") && before.size() == 1) {
            return names(ApiResources.NODES, "");
        }
        return files(word);
    }

    private List<String> kubectl(List<String> before) {
        List<String> args = before.stream().filter(w -> !w.startsWith("-")).toList();
        if (args.size() == 1) {
            return vocabulary.subcommands().get("kubectl");
        }
        if (!KUBECTL_TYPED.contains(args.get(1))) {
            return List.of();
        }
        int typeAt = args.get(1).equals("rollout") ? 3 : 2;
        if (args.size() == typeAt) {
            List<String> types = new ArrayList<>();
            ApiResources.ALL.forEach(t -> {
                types.add(t.plural());
                types.add(t.singular());
                types.addAll(t.shortNames());
            });
            return types;
        }
        return ApiResources.find(args.get(typeAt)).map(t -> names(t, namespace(before))).orElse(List.of());
    }

    private List<String> docker(String sub) {
        if (DOCKER_CONTAINER.contains(sub)) {
            return sandbox.containers().containers().all().stream().map(c -> c.name()).toList();
        }
        if (DOCKER_IMAGE.contains(sub)) {
            return sandbox.containers().images().images().stream()
                    .flatMap(i -> sandbox.containers().images().references(i.id()).stream())
                    .map(r -> r.familiarString()).toList();
        }
        return List.of();
    }

    private static String namespace(List<String> before) {
        for (int i = 0; i < before.size() - 1; i++) {
            if (before.get(i).equals("-n") || before.get(i).equals("--namespace")) {
                return before.get(i + 1);
            }
        }
        return "default";
    }

    private List<String> names(ResourceType type, String namespace) {
        if (!sandbox.hasCluster()) {
            return List.of();
        }
        return sandbox.cluster().api().list(type, type.namespaced() ? namespace : "").stream()
                .map(o -> o.getMetadata().getName()).toList();
    }

    /**
     * While a container's shell reads the terminal ({@code docker exec -it web sh}), every word is a
     * path in the container, completed a folder at a time against its working directory: its own
     * programs and the laptop's names mean nothing there.
     */
    private List<String> paths(String word) {
        var files = sandbox.shell().files();
        int slash = word.lastIndexOf('/');
        String folder = slash < 0 ? "" : word.substring(0, slash + 1);
        String absolute = folder.startsWith("/") ? folder : sandbox.shell().cwd() + "/" + folder;
        String dir = org.laymanlabs.sandbox.vfs.FileSystem.resolve("/", files.home(), absolute);
        if (!files.isDirectory(dir)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String name : files.list(dir)) {
            String path = dir.equals("/") ? "/" + name : dir + "/" + name;
            found.add(folder + name + (files.isDirectory(path) ? "/" : ""));
        }
        return found;
    }

    /** Files and folders under the home folder, completed a folder at a time as bash does. */
    private List<String> files(String word) {
        int slash = word.lastIndexOf('/');
        String folder = slash < 0 ? "" : word.substring(0, slash + 1);
        TreeSet<String> found = new TreeSet<>();
        for (String file : WorkspaceFiles.list(sandbox.workspace())) {
            if (file.startsWith(folder)) {
                String rest = file.substring(folder.length());
                int next = rest.indexOf('/');
                found.add(folder + (next < 0 ? rest : rest.substring(0, next + 1)));
            }
        }
        return List.copyOf(found);
    }

    static List<String> listed(String help) {
        List<String> names = new ArrayList<>();
        Matcher m = LISTED.matcher(help);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static List<String> flagsIn(String help) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = FLAG.matcher(help);
        while (m.find()) {
            found.add(m.group(1));
        }
        return List.copyOf(found);
    }

    private static String commonPrefix(List<String> words) {
        String prefix = words.get(0);
        for (String w : words) {
            int i = 0;
            while (i < prefix.length() && i < w.length() && prefix.charAt(i) == w.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }
}
