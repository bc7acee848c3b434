package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.laymanlabs.sandbox.image.ImageConfig;

/**
 * The config change and history text of each metadata instruction. Mirrors moby
 * builder/dockerfile/dispatchers.go: the classic builder records {@code /bin/sh -c #(nop)  CMD […]}
 * (two spaces: the comment is a separate word after {@code "#(nop) "}), but WORKDIR, COPY and ADD
 * as one word ({@code #(nop) WORKDIR /app}).
 */
final class Dispatch {

    /** A metadata step: the new config and what history records. */
    record Change(ImageConfig config, String comment, boolean singleWord) {
    }

    private Dispatch() {
    }

    static Change metadata(Instruction instruction, StageState state, ShellLex lex) {
        ImageConfig c = state.config;
        Function<String, String> env = state.environment();
        if (instruction instanceof Instruction.Env e) {
            StringBuilder comment = new StringBuilder("ENV");
            for (Instruction.KeyValue pair : e.pairs()) {
                String value = lex.processWord(pair.value(), env);
                c = c.withEnv(pair.key(), value);
                comment.append(' ').append(pair.key()).append('=').append(value);
            }
            return new Change(c, comment.toString(), false);
        }
        if (instruction instanceof Instruction.Label l) {
            StringBuilder comment = new StringBuilder("LABEL");
            for (Instruction.KeyValue pair : l.pairs()) {
                String key = lex.processWord(pair.key(), env);
                String value = lex.processWord(pair.value(), env);
                c = c.withLabel(key, value);
                comment.append(' ').append(key).append('=').append(value);
            }
            return new Change(c, comment.toString(), false);
        }
        if (instruction instanceof Instruction.Cmd cmd) {
            List<String> argv = shellDependent(cmd.command(), cmd.shellForm(), state);
            state.cmdSet = true;
            return new Change(c.withCmd(argv.toArray(String[]::new)), "CMD " + goQuoted(argv), false);
        }
        if (instruction instanceof Instruction.Entrypoint ep) {
            List<String> argv = shellDependent(ep.command(), ep.shellForm(), state);
            ImageConfig next = c.withEntrypoint(argv.toArray(String[]::new));
            return new Change(state.cmdSet ? next : next.withCmd(), "ENTRYPOINT " + goQuoted(argv), false);
        }
        if (instruction instanceof Instruction.Expose x) {
            List<String> ports = new ArrayList<>();
            for (String word : x.ports()) {
                for (String port : lex.processWords(word, env)) {
                    ports.add(port);
                    c = c.withExposedPort(port.contains("/") ? port.toLowerCase() : port + "/tcp");
                }
            }
            return new Change(c, "EXPOSE " + String.join(" ", ports), false);
        }
        if (instruction instanceof Instruction.User u) {
            String user = lex.processWord(u.user(), env);
            return new Change(c.withUser(user), "USER " + user, false);
        }
        if (instruction instanceof Instruction.Volume v) {
            List<String> paths = new ArrayList<>();
            for (String path : v.paths()) {
                String expanded = lex.processWord(path, env);
                paths.add(expanded);
                c = c.withVolume(expanded);
            }
            return new Change(c, "VOLUME [" + String.join(" ", paths) + "]", false);
        }
        if (instruction instanceof Instruction.StopSignal s) {
            String signal = lex.processWord(s.signal(), env);
            return new Change(c.withStopSignal(signal), "STOPSIGNAL " + signal, false);
        }
        if (instruction instanceof Instruction.Workdir w) {
            String path = workdir(c.workingDir(), lex.processWord(w.path(), env));
            return new Change(c.withWorkingDir(path), "WORKDIR " + path, true);
        }
        if (instruction instanceof Instruction.Shell sh) {
            state.shell = List.copyOf(sh.shell());
            return new Change(c, "SHELL " + goQuoted(sh.shell()), false);
        }
        if (instruction instanceof Instruction.Maintainer m) {
            return new Change(c, "MAINTAINER " + m.name(), false);
        }
        if (instruction instanceof Instruction.Healthcheck h) {
            return new Change(c, "HEALTHCHECK &{" + goQuoted(h.test()) + " \"0s\" \"0s\" \"0s\" \"0s\" '\\x00'}", false);
        }
        if (instruction instanceof Instruction.Onbuild o) {
            return new Change(c, "ONBUILD " + o.expression(), false);
        }
        if (instruction instanceof Instruction.Arg a) {
            String value = a.value() == null ? null : lex.processWord(a.value(), env);
            state.declareArg(a.name(), value);
            return new Change(c, "ARG " + a.name() + (value == null ? "" : "=" + value), false);
        }
        throw new IllegalArgumentException("not a metadata instruction: " + instruction);
    }

    /** Shell form gets the stage's SHELL ({@code /bin/sh -c}) in front; exec form is taken as written. */
    static List<String> shellDependent(List<String> command, boolean shellForm, StageState state) {
        if (!shellForm) {
            return command;
        }
        List<String> argv = new ArrayList<>(state.shell);
        argv.addAll(command);
        return argv;
    }

    /** normaliseWorkdir: a relative WORKDIR is joined to the current one. */
    static String workdir(String current, String requested) {
        String joined = requested.startsWith("/") ? requested : (current.isEmpty() ? "/" : current + "/") + requested;
        return "/" + BuildContext.clean(joined);
    }

    /** Go's {@code %q} of a {@code []string}: {@code ["nginx" "-g" "daemon off;"]}. */
    static String goQuoted(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add('"' + word.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"');
        }
        return "[" + String.join(" ", quoted) + "]";
    }
}
