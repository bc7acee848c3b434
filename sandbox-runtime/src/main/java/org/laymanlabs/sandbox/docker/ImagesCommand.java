package org.laymanlabs.sandbox.docker;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.ImageSummary;

/** {@code docker images} / {@code docker image ls}. Mirrors docker/cli cli/command/image/list.go. */
final class ImagesCommand {

    static final String DEFAULT_FORMAT =
            "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}";
    static final String DIGEST_FORMAT = "table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t"
            + "{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}";

    private ImagesCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("images [OPTIONS] [REPOSITORY[:TAG]]", "List images", List.of(),
                "docker image ls, docker image list, docker images",
                List.of(Flag.bool("all", 'a', "Show all images (default hides intermediate images)"),
                        Flag.bool("digests", '\0', "Show digests"),
                        Flag.valued("filter", 'f', "filter", "Filter output based on conditions provided"),
                        Flag.format(),
                        Flag.bool("no-trunc", '\0', "Don't truncate output"),
                        Flag.bool("quiet", 'q', "Only show image IDs")),
                ArgsRule.atMost(1), 7, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        String reference = args.args().isEmpty() ? null : args.arg(0);
        List<ImageSummary> images = daemon.images().list(args.bool("all"), reference);
        for (String filter : args.all("filter")) {
            images = filter(images, filter);
        }
        String format = format(args.string("format"), args.bool("quiet"), args.bool("digests"));
        try {
            return CommandResult.ok(Formatter.render(format,
                    new ImageRows(daemon.clock().now(), !args.bool("no-trunc"), args.bool("digests") || format.contains("{{.Digest}}"))
                            .rows(images), ImageRows.HEADER, ImageRows.ROW_TYPE));
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
    }

    /** NewImageFormat: the quiet, digest and default table formats, or the user's own. */
    static String format(String given, boolean quiet, boolean digests) {
        String format = given.isEmpty() ? Formatter.TABLE : given;
        if (format.equals(Formatter.TABLE)) {
            return quiet ? "{{.ID}}" : digests ? DIGEST_FORMAT : DEFAULT_FORMAT;
        }
        if (Formatter.isTable(format) && digests && !format.contains("{{.Digest}}")) {
            return format + "\\t{{.Digest}}";
        }
        return format;
    }

    /** The filters lessons use: {@code dangling=true|false} and {@code reference=PATTERN}. */
    private static List<ImageSummary> filter(List<ImageSummary> images, String filter) {
        int eq = filter.indexOf('=');
        String key = eq < 0 ? filter : filter.substring(0, eq);
        String value = eq < 0 ? "" : filter.substring(eq + 1);
        switch (key) {
            case "dangling" -> {
                boolean dangling = value.equalsIgnoreCase("true") || value.equals("1");
                return images.stream().filter(i -> i.repoTags().isEmpty() == dangling).toList();
            }
            case "reference" -> {
                return images.stream().filter(i -> i.repoTags().stream().anyMatch(r ->
                        r.familiarString().matches(glob(value)) || r.familiarName().matches(glob(value)))).toList();
            }
            default -> throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "invalid filter '" + key + "'");
        }
    }

    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }
}
