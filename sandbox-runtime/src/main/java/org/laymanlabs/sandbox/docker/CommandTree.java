package org.laymanlabs.sandbox.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The docker command's subcommands: top-level ones ({@code docker images}) and management groups
 * ({@code docker image ls}), as docker/cli's commands.AddCommands assembles them. Built once per
 * sandbox; other features add their commands with the same builder.
 */
public final class CommandTree {

    /** A management command such as {@code image}: a name, a line of help, and its subcommands by every name. */
    record Group(String name, String shortHelp, Map<String, Subcommand> byName) {

        List<Subcommand> commands() {
            return byName.entrySet().stream().filter(e -> e.getKey().equals(e.getValue().name()))
                    .map(Map.Entry::getValue).toList();
        }
    }

    private final Map<String, Subcommand> top;
    private final Map<String, Group> groups;

    private CommandTree(Map<String, Subcommand> top, Map<String, Group> groups) {
        this.top = top;
        this.groups = groups;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Subcommand> top(String name) {
        return Optional.ofNullable(top.get(name));
    }

    Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    List<Subcommand> topCommands() {
        return List.copyOf(top.values());
    }

    List<Group> groups() {
        return List.copyOf(groups.values());
    }

    /** Collects subcommands; later registrations of a name replace earlier ones. */
    public static final class Builder {
        private final Map<String, Subcommand> top = new TreeMap<>();
        private final Map<String, Map<String, Subcommand>> members = new TreeMap<>();
        private final Map<String, String> groupHelp = new LinkedHashMap<>();

        public Builder command(Subcommand command) {
            top.put(command.name(), command);
            return this;
        }

        public Builder group(String name, String shortHelp) {
            groupHelp.put(name, shortHelp);
            members.computeIfAbsent(name, n -> new TreeMap<>());
            return this;
        }

        /** Adds a subcommand to a group, under its name and each alias. */
        public Builder command(String group, Subcommand command) {
            Map<String, Subcommand> byName = members.get(group);
            if (byName == null) {
                throw new IllegalArgumentException("declare the group first: " + group);
            }
            byName.put(command.name(), command);
            command.aliases().forEach(alias -> byName.put(alias, command));
            return this;
        }

        public CommandTree build() {
            Map<String, Group> groups = new TreeMap<>();
            members.forEach((name, byName) -> groups.put(name, new Group(name, groupHelp.get(name), new TreeMap<>(byName))));
            return new CommandTree(new TreeMap<>(top), groups);
        }
    }
}
