package org.laymanlabs.sandbox.container.program;

import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.image.fs.FileContent;
import org.laymanlabs.sandbox.image.fs.Node;
import org.laymanlabs.sandbox.image.fs.RegularFile;
import org.laymanlabs.sandbox.image.fs.UnionView;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * The simulated executables, keyed by the {@code kind} of a binary in an image, and execve's
 * lookup of argv[0] in a container's root along $PATH (Go's exec.LookPath as runc uses it). One
 * registry is shared by every sandbox; programs hold no state of their own.
 */
public final class ProgramRegistry {

    /** What execve finds for argv[0]. */
    public sealed interface Lookup {
        /** @param path where the binary was found, such as {@code /usr/sbin/nginx} */
        record Found(Program program, String path) implements Lookup { }

        /** runc's wording, such as {@code exec: "foo": executable file not found in $PATH}. */
        record NotFound(String message) implements Lookup { }
    }

    private static final ProgramRegistry SHARED = new ProgramRegistry(Map.ofEntries(
            Map.entry("nginx", new Nginx()),
            Map.entry("http-echo", new HttpEcho()),
            Map.entry("hello", new HelloWorld()),
            Map.entry("python3", new Python()),
            Map.entry("redis-server", new RedisServer()),
            Map.entry("slow-start", new SlowStart()),
            Map.entry("sleep", new Sleep()),
            Map.entry("pause", new Pause()),
            Map.entry("stress", new Stress()),
            Map.entry("kube-component", new ControlPlaneComponent()),
            Map.entry("sh", new ShellProgram()),
            Map.entry("ash", new ShellProgram()),
            Map.entry("bash", new ShellProgram()),
            Map.entry("dash", new ShellProgram())));

    /** Applets whose links the catalog's busybox images leave unlisted but real ones have in /bin. */
    private static final java.util.Set<String> BUSYBOX_APPLETS = java.util.Set.of("true", "false", "mkdir", "rm",
            "touch", "grep", "head", "tail", "wc", "sort", "pwd", "hostname", "id", "whoami", "date", "uname",
            "printenv", "cp", "mv", "ln", "chmod", "nc", "ping", "nslookup", "ls", "cat", "echo", "env", "sleep", "sh");

    private final Map<String, Program> programs;

    private ProgramRegistry(Map<String, Program> programs) {
        this.programs = programs;
    }

    public static ProgramRegistry shared() {
        return SHARED;
    }

    /** A new registry with {@code program} for binaries of {@code kind} (a cluster's own, such as CoreDNS); this one is unchanged. */
    public ProgramRegistry with(String kind, Program program) {
        Map<String, Program> more = new java.util.HashMap<>(programs);
        more.put(kind, program);
        return new ProgramRegistry(Map.copyOf(more));
    }

    /** Finds argv[0] as execve would, relative names along {@code path}, in the container's root. */
    public Lookup lookup(UnionView root, String argv0, String path, String workingDir) {
        if (argv0.contains("/")) {
            String absolute = FileSystem.resolve(workingDir, "/root", argv0);
            return root.stat(absolute).<Lookup>map(node -> found(node, argv0, absolute))
                    .orElse(new Lookup.NotFound("exec: \"" + argv0 + "\": stat " + argv0 + ": no such file or directory"));
        }
        for (String dir : path.split(":")) {
            String candidate = (dir.endsWith("/") ? dir : dir + "/") + argv0;
            // Go's LookPath passes over a file without an execute bit and goes on searching.
            Optional<Node> node = root.stat(candidate).filter(RegularFile.class::isInstance)
                    .filter(n -> (n.mode() & 0111) != 0);
            if (node.isPresent()) {
                return found(node.get(), argv0, candidate);
            }
        }
        Optional<Node> busybox = root.stat("/bin/busybox");
        if (busybox.isPresent() && BUSYBOX_APPLETS.contains(argv0)) {
            return found(busybox.get(), argv0, "/bin/" + argv0);
        }
        return new Lookup.NotFound("exec: \"" + argv0 + "\": executable file not found in $PATH");
    }

    private Lookup found(Node node, String argv0, String path) {
        if (!(node instanceof RegularFile file) || (node.mode() & 0111) == 0) {
            return new Lookup.NotFound("exec: \"" + argv0 + "\": permission denied");
        }
        if (file.content() instanceof FileContent.Text text) {
            return text.text().startsWith("#!") ? new Lookup.Found(new Script(path, text.text()), path)
                    : new Lookup.NotFound("exec: \"" + argv0 + "\": exec format error");
        }
        String kind = ((FileContent.Binary) file.content()).kind();
        // A busybox binary is every applet at once; the name it was called by picks one.
        String key = kind.equals("busybox") ? argv0.substring(argv0.lastIndexOf('/') + 1) : kind;
        return new Lookup.Found(programs.getOrDefault(key, new ShellCommandProgram()), path);
    }
}
