package org.laymanlabs.sandbox.docker;

import java.time.Duration;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.image.ImageDiskUsage;
import org.laymanlabs.sandbox.image.ImageSummary;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * {@code docker system df}. Mirrors docker/cli cli/command/system/df.go and formatter/disk_usage.go:
 * one row each for images (their layers counted once), containers, local volumes and the build
 * cache, "reclaimable" with its percentage; {@code -v} lists the images.
 */
final class SystemDfCommand {

    static final String DEFAULT_FORMAT = "table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}";
    private static final String ROW_TYPE = "*formatter.diskUsageImagesContext";
    private static final Obj HEADER = Obj.map().put("Type", "TYPE").put("TotalCount", "TOTAL").put("Active", "ACTIVE")
            .put("Size", "SIZE").put("Reclaimable", "RECLAIMABLE").build();

    private SystemDfCommand() {
    }

    static Subcommand create(Daemon daemon) {
        return new Subcommand("df [OPTIONS]", "Show docker disk usage", List.of(), "",
                List.of(Flag.format(), Flag.bool("verbose", 'v', "Show detailed information on space usage")),
                ArgsRule.none(), 0, args -> run(daemon, args));
    }

    private static CommandResult run(Daemon daemon, ParsedArgs args) {
        try {
            if (args.bool("verbose")) {
                return CommandResult.ok(SystemDfVerbose.render(daemon));
            }
            String format = args.string("format").isEmpty() || args.string("format").equals(Formatter.TABLE)
                    ? DEFAULT_FORMAT : args.string("format");
            ImageDiskUsage images = daemon.images().diskUsage();
            DiskUsageSource others = daemon.diskUsage();
            List<Obj> rows = List.of(
                    row("Images", images.total(), images.active(), images.size(), images.reclaimable(), true),
                    row("Containers", others.containers(), true),
                    row("Local Volumes", others.localVolumes(), true),
                    row("Build Cache", others.buildCache(), false));
            return CommandResult.ok(Formatter.render(format, rows, HEADER, ROW_TYPE));
        } catch (TemplateException e) {
            return DockerCommand.error(e.getMessage());
        }
    }

    private static Obj row(String type, DiskUsageSource.Row row, boolean percent) {
        return row(type, row.total(), row.active(), row.size(), row.reclaimable(), percent);
    }

    private static Obj row(String type, int total, int active, long size, long reclaimable, boolean percent) {
        String free = Units.humanSize(reclaimable);
        if (percent && size > 0) {
            free += " (" + reclaimable * 100 / size + "%)";
        }
        return Obj.map().put("Type", type).put("TotalCount", Integer.toString(total)).put("Active", Integer.toString(active))
                .put("Size", Units.humanSize(size)).put("Reclaimable", free).build();
    }

    /** The {@code -v} report: images with their shared and unique sizes, then the other sections' headers. */
    static final class SystemDfVerbose {

        private static final String IMAGES = "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}"
                + "\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}";

        private SystemDfVerbose() {
        }

        static String render(Daemon daemon) throws TemplateException {
            List<ImageSummary> images = daemon.images().list(true, null).stream()
                    .map(s -> daemon.images().diskUsageSummary(s.id())).toList();
            StringBuilder out = new StringBuilder("Images space usage:\n\n");
            List<Obj> rows = images.stream().map(s -> {
                String[] tag = ImageRows.firstTag(s);
                return Obj.map().put("Repository", tag[0]).put("Tag", tag[1]).put("ID", s.id().shortId())
                        .put("CreatedSince", Units.humanDuration(Duration.between(s.created(), daemon.clock().now())) + " ago")
                        .put("Size", Units.humanSizeWithPrecision(s.size(), 3))
                        .put("SharedSize", Units.humanSize(s.sharedSize()))
                        .put("UniqueSize", Units.humanSize(s.size() - s.sharedSize()))
                        .put("Containers", Integer.toString(s.containers())).build();
            }).toList();
            out.append(Formatter.render(IMAGES, rows, ImageRows.HEADER, ImageRows.ROW_TYPE));
            out.append("\nContainers space usage:\n\n").append(Table.format(
                    "CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n"));
            out.append("\nLocal Volumes space usage:\n\n").append(Table.format("VOLUME NAME\tLINKS\tSIZE\n"));
            out.append("\nBuild cache usage: ").append(Units.humanSize(daemon.diskUsage().buildCache().size())).append("\n\n")
                    .append(Table.format("CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED\n"));
            return out.toString();
        }
    }
}
