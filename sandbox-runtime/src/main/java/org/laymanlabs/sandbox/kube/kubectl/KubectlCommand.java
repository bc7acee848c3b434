package org.laymanlabs.sandbox.kube.kubectl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.TimeSource;

/**
 * The {@code kubectl} command of the sandbox shell, talking to the sandbox's API server as the
 * learner's kubeconfig context would. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/cmd.go: global
 * flags, the subcommand tree, cobra's unknown-command suggestions, and cmdutil.CheckErr's output
 * ({@code error: ...} or {@code Error from server (NotFound): ...}, exit status 1).
 */
public final class KubectlCommand implements Command {

    private final ApiServer api;
    private final String defaultNamespace;
    private final TimeSource laptopClock;
    private final Map<String, Subcommand> commands = new LinkedHashMap<>();
    private final Kubelets kubelets;

    /**
     * Each node's kubelet by node name, as the API server finds it to proxy {@code logs} and
     * {@code exec}. Serializable: kubectl is part of a sandbox's checkpoint.
     */
    @FunctionalInterface
    public interface Kubelets extends Function<String, Optional<Kubelet>>, java.io.Serializable {
    }

    /** The address {@code kubectl cluster-info} shows when the sandbox does not give one. */
    public static final String DEFAULT_SERVER = "https://control-plane:6443";

    /** kubectl for a sandbox whose context's namespace is "default". */
    public KubectlCommand(ApiServer api) {
        this(api, "default", DEFAULT_SERVER);
    }

    /**
     * @param defaultNamespace the namespace of the kubeconfig context
     * @param serverUrl        the API server's address in the kubeconfig, e.g. https://192.168.49.2:6443
     */
    public KubectlCommand(ApiServer api, String defaultNamespace, String serverUrl) {
        this(api, defaultNamespace, serverUrl, api.clock()::now);
    }

    /**
     * @param laptopClock the time on the learner's machine, from which kubectl computes ages; it is
     *                    the sandbox clock, but tests may set it ahead instead of running the
     *                    control plane through minutes of virtual time
     */
    KubectlCommand(ApiServer api, String defaultNamespace, String serverUrl, TimeSource laptopClock) {
        this(api, defaultNamespace, serverUrl, laptopClock, node -> Optional.empty());
    }

    /**
     * @param kubelets each node's kubelet by node name, which the API server proxies {@code logs} and
     *                 {@code exec} to; empty for a node whose kubelet cannot be reached
     */
    public KubectlCommand(ApiServer api, String defaultNamespace, String serverUrl, Kubelets kubelets) {
        this(api, defaultNamespace, serverUrl, api.clock()::now, kubelets);
    }

    /**
     * kubectl on a machine with no cluster and no kubeconfig: it falls back to
     * {@code http://localhost:8080}, where nothing listens, so every command that needs a server
     * fails as the real one does (see {@link NoServer}).
     */
    public static KubectlCommand withoutServer(TimeSource laptopClock) {
        return new KubectlCommand(null, "default", NoServer.URL, laptopClock, node -> Optional.empty());
    }

    KubectlCommand(ApiServer api, String defaultNamespace, String serverUrl, TimeSource laptopClock,
                   Kubelets kubelets) {
        this.api = api;
        this.kubelets = kubelets;
        this.defaultNamespace = defaultNamespace;
        this.laptopClock = laptopClock;
        Subcommands.all(serverUrl).forEach(c -> commands.put(c.path(), c));
    }

    @Override
    public String name() {
        return "kubectl";
    }

    @Override
    public String usage() {
        return "kubectl [flags] [options]";
    }

    @Override
    public String summary() {
        return "Control the sandbox's Kubernetes cluster (get, describe, apply, create, delete, scale, rollout...).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        // Under run(), get -w prints what exists and stops there, as the shell's rule for following commands says.
        return dispatch(invocation).result();
    }

    /** Like {@link #run}, except that {@code get -w} goes on printing changes as the clock moves, until Ctrl-C. */
    @Override
    public Execution start(Invocation invocation, OutputSink out) {
        Outcome outcome = dispatch(invocation);
        outcome.result().writeTo(out);
        if (outcome.follow().isPresent() && outcome.result().exitCode() == 0) {
            return new GetWatch(api, outcome.follow().get(), laptopClock, out);
        }
        if (outcome.stream().isPresent() && outcome.result().exitCode() == 0) {
            return outcome.stream().get().apply(out);
        }
        return Execution.finished(outcome.result().exitCode());
    }

    /** What a kubectl command printed, and what it goes on watching (get -w). */
    private record Outcome(CommandResult result, Optional<GetWatch.Spec> follow, Optional<Function<OutputSink, Execution>> stream) {
        static Outcome of(CommandResult result) {
            return new Outcome(result, Optional.empty(), Optional.empty());
        }
    }

    private Outcome dispatch(Invocation invocation) {
        List<String> args = invocation.args();
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            return Outcome.of(CommandResult.ok(Help.text("kubectl")));
        }
        List<String> globals = new ArrayList<>();
        int verb = leadingGlobals(args, globals);
        if (verb >= args.size()) {
            return Outcome.of(CommandResult.ok(Help.text("kubectl")));
        }
        List<String> words = new ArrayList<>();
        for (int i = verb; i < args.size() && !args.get(i).startsWith("-"); i++) {
            words.add(args.get(i));
        }
        Subcommand command = null;
        int taken = 0;
        for (int n = words.size(); n > 0 && command == null; n--) {
            command = commands.get("kubectl " + String.join(" ", words.subList(0, n)));
            taken = n;
        }
        for (int n = words.size(); n > 0; n--) {
            String group = "kubectl " + String.join(" ", words.subList(0, n));
            if (Subcommands.GROUPS.contains(group) && (command == null || taken < n)) {
                return Outcome.of(group(group, n < words.size() ? words.get(n) : null));
            }
        }
        if (command == null) {
            return Outcome.of(CommandResult.error(Help.unknownCommand(args.get(verb)), 1));
        }
        List<String> rest = new ArrayList<>(args.subList(verb + taken, args.size()));
        rest.addAll(globals);
        return execute(command, rest, invocation);
    }

    /** A command group typed without one of its verbs, or with one it does not have. */
    private static CommandResult group(String group, String unknown) {
        if (unknown != null) {
            return CommandResult.error("error: unknown command \"" + unknown + "\"\nSee '" + group + " -h' for help and examples\n", 1);
        }
        String help = Help.text(group);
        return group.equals("kubectl rollout") ? new CommandResult(help, "", 1) : CommandResult.error(help, 1);
    }

    /** Global flags typed before the verb ({@code kubectl -n kube-system get pods}); returns the verb's index. */
    private static int leadingGlobals(List<String> args, List<String> globals) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String token = args.get(i);
            globals.add(token);
            boolean valued = !token.contains("=") && FlagSet.GLOBAL.stream().anyMatch(f -> f.kind() != Flag.Kind.BOOL
                    && (token.equals("--" + f.name()) || (f.shorthand() != 0 && token.equals("-" + f.shorthand()))));
            if (valued && i + 1 < args.size()) {
                globals.add(args.get(++i));
            }
            i++;
        }
        return i;
    }

    private Outcome execute(Subcommand command, List<String> tokens, Invocation invocation) {
        Session session = new Session(api, defaultNamespace, invocation, laptopClock, kubelets);
        try {
            List<String> parsedTokens = command.parsesFlags() ? tokens
                    : tokens.stream().filter(t -> t.equals("--help") || t.equals("-h")).toList();
            FlagSet.Parsed parsed = new FlagSet(command.path(), command.flags()).parse(parsedTokens);
            if (parsed.help()) {
                return Outcome.of(CommandResult.ok(Help.text(command.path())));
            }
            command.run(parsed, session);
        } catch (KubectlException e) {
            return Outcome.of(new CommandResult(session.stdout(), session.stderr() + e.printed(), 1));
        } catch (ApiException e) {
            return Outcome.of(new CommandResult(session.stdout(), session.stderr() + ServerErrors.print(e, null, null), 1));
        }
        return new Outcome(new CommandResult(session.stdout(), session.stderr(), session.exitCode()), session.following(),
                session.streaming());
    }

    /** How kubectl prints an API server's refusal. */
    static String serverError(ApiException e) {
        return "Error from server (" + e.reason().word() + "): " + e.getMessage();
    }
}
