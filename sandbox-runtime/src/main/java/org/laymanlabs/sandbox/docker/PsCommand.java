package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * {@code docker ps}. Mirrors docker/cli cli/command/container/list.go: running containers, or all
 * with -a, newest first, narrowed by {@code --filter} ({@link ContainerFilters}).
 */
final class PsCommand {

    private PsCommand() {
    }

    static Subcommand create(ContainerEngine engine) {
        return new Subcommand("ps [OPTIONS]", "List containers", List.of(), "docker container ls, docker container list,"
                + " docker container ps, docker ps", List.of(
                        Flag.bool("all", 'a', "Show all containers (default shows just running)"),
                        Flag.valued("filter", 'f', "filter", "Filter output based on conditions provided"),
                        Flag.format(),
                        Flag.valued("last", 'n', "int", "Show n last created containers (includes all states) (default -1)"),
                        Flag.bool("latest", 'l', "Show the latest created container (includes all states)"),
                        Flag.bool("no-trunc", '\0', "Don't truncate output"),
                        Flag.bool("quiet", 'q', "Only display container IDs"),
                        Flag.bool("size", 's', "Display total file sizes")),
                ArgsRule.none(), 1, args -> run(engine, args));
    }

    private static CommandResult run(ContainerEngine engine, ParsedArgs args) {
        for (String term : args.all("filter")) {
            if (!term.contains("=")) {
                return DockerCommand.flagError("invalid argument \"" + term + "\" for \"-f, --filter\" flag: bad format"
                        + " of filter (expected name=value)", "docker ps [OPTIONS]", "docker ps");
            }
        }
        ContainerFilters filters = ContainerFilters.parse(args.all("filter"), engine);
        int last = args.bool("latest") ? 1 : args.string("last").isEmpty() ? -1 : Integer.parseInt(args.string("last"));
        boolean all = args.bool("all") || last > 0 || filters.showsAll();
        List<Container> shown = engine.containers().all().stream()
                .filter(c -> all || c.state().isRunning())
                .filter(filters.predicate())
                .limit(last > 0 ? last : Long.MAX_VALUE).toList();
        String format = args.bool("quiet") ? "{{.ID}}" : args.string("format").isEmpty()
                || args.string("format").equals(Formatter.TABLE) ? ContainerRows.DEFAULT_FORMAT : args.string("format");
        List<Obj> rows = shown.stream().map(c -> ContainerRows.row(c, engine.clock().now(), args.bool("no-trunc"))).toList();
        try {
            return CommandResult.ok(Formatter.render(format, rows, ContainerRows.HEADER, ContainerRows.ROW_TYPE));
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
    }
}
