package org.laymanlabs.sandbox.container.program;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.socket.ConnectionHandler;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * What a process is given by the runtime, as the kernel and runc give a real one: its argv and
 * environment, its root and working directory, its network namespace, stdout and stderr (which
 * the engine logs with timestamps), and the clock.
 */
public interface ProcessContext {

    /** argv, the program's own name first. */
    List<String> argv();

    Map<String, String> env();

    FileSystem files();

    String workingDir();

    NetworkNamespace network();

    /** How a client inside the container connects out (curl, a proxy). */
    Connector connector();

    /** getaddrinfo inside the container: the embedded DNS on user networks. */
    HostResolver resolver();

    VirtualClock clock();

    /** The container's hostname, its short ID unless {@code --hostname} said otherwise. */
    String hostname();

    /** Writes one line (without its newline) to stdout. */
    void stdout(String line);

    /**
     * Whether the process's stdin stays open with nobody at the end of it ({@code docker run -i} or
     * {@code -t}): a shell then waits for input instead of reading end of input at once.
     */
    default boolean stdinOpen() {
        return false;
    }

    void stderr(String line);

    /**
     * bind(2) and listen(2) on 0.0.0.0:port in the process's namespace; the socket closes when
     * the process exits.
     *
     * @return the bind error, such as {@code Address already in use}, if it failed
     */
    Optional<String> listen(int port, ConnectionHandler handler);

    /**
     * The process touches {@code bytes} more of memory (malloc and write, as stress --vm does). Its
     * container's memory cgroup is charged; past the limit the OOM killer ends the process with SIGKILL.
     *
     * @return false if the process was killed for it (it must do nothing more)
     */
    boolean allocate(long bytes);

    /** exit(2): the process ends now with this status. */
    void exit(int status);

    /** Whether the process has exited (a timer of a dead process must do nothing). */
    boolean exited();

    /** execve(2) of another program in this same process, as {@code exec "$@"} does. */
    Process exec(List<String> argv);

    /** The tools whose binaries this container's image holds (ls, cat, curl…), for its shell to run. */
    List<org.laymanlabs.sandbox.shell.Command> commands();
}
