package org.laymanlabs.sandbox.docker;

import java.time.Duration;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.HistoryItem;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * {@code docker history}. Mirrors docker/cli cli/command/image/history.go and
 * formatter_history.go: {@code <missing>} for steps the engine has no image for, CREATED BY cut
 * to 45 characters with an ellipsis unless {@code --no-trunc}, exact values with {@code -H=false}.
 */
final class HistoryCommand {

    static final String DEFAULT_FORMAT = "table {{.ID}}\\t{{.CreatedSince}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}";
    static final String EXACT_FORMAT = "table {{.ID}}\\t{{.CreatedAt}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}";
    private static final String ROW_TYPE = "*image.historyContext";
    private static final Obj HEADER = Obj.map().put("ID", "IMAGE").put("CreatedSince", "CREATED")
            .put("CreatedAt", "CREATED AT").put("CreatedBy", "CREATED BY").put("Size", "SIZE").put("Comment", "COMMENT").build();

    private HistoryCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("history [OPTIONS] IMAGE", "Show the history of an image", List.of(),
                "docker image history, docker history",
                List.of(Flag.format(),
                        Flag.bool("human", 'H', true, "Print sizes and dates in human readable format"),
                        Flag.bool("no-trunc", '\0', "Don't truncate output"),
                        Flag.string("platform", '\0',
                                "Show history for the given platform. Formatted as \"os[/arch[/variant]]\" (e.g., \"linux/amd64\")"),
                        Flag.bool("quiet", 'q', "Only show image IDs")),
                ArgsRule.exactly(1), 0, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        List<HistoryItem> items = daemon.images().history(args.arg(0));
        boolean human = args.bool("human");
        boolean truncate = !args.bool("no-trunc");
        String format = args.string("format").isEmpty() ? Formatter.TABLE : args.string("format");
        if (format.equals(Formatter.TABLE)) {
            format = args.bool("quiet") ? "{{.ID}}" : human ? DEFAULT_FORMAT : EXACT_FORMAT;
        }
        List<Obj> rows = items.stream().map(item -> row(item, daemon, human, truncate)).toList();
        try {
            return CommandResult.ok(Formatter.render(format, rows, HEADER, ROW_TYPE));
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
    }

    private static Obj row(HistoryItem item, Daemon daemon, boolean human, boolean truncate) {
        String createdAt = GoTime.rfc3339(item.created());
        String createdBy = item.createdBy().replace("\t", " ");
        return Obj.map()
                .put("ID", truncate ? truncateId(item.id()) : item.id())
                .put("CreatedSince", human
                        ? Units.humanDuration(Duration.between(item.created(), daemon.clock().now())) + " ago" : createdAt)
                .put("CreatedAt", createdAt)
                .put("CreatedBy", truncate ? ellipsis(createdBy, 45) : createdBy)
                .put("Size", human ? Units.humanSizeWithPrecision(item.size(), 3) : Long.toString(item.size()))
                .put("Comment", item.comment())
                .build();
    }

    /** moby stringid.TruncateID: drops {@code sha256:} and keeps 12 characters. */
    static String truncateId(String id) {
        String bare = id.substring(id.indexOf(':') + 1);
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    /** formatter.Ellipsis: at most {@code width} characters, the last one an ellipsis if cut. */
    static String ellipsis(String text, int width) {
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }
}
