package org.laymanlabs.sandbox.shell.coreutils;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.laymanlabs.sandbox.shell.ShellContext;
import org.laymanlabs.sandbox.vfs.FileStat;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * {@code ls -l}'s lines: mode, link count, owner, group, size, time and name, each column as wide
 * as its widest entry (numbers to the right, names to the left), and the "total" of 1K blocks of
 * a directory listing. Mirrors coreutils src/ls.c print_long_format: a time within six months
 * shows the hour, an older one the year; owners come from the file system's /etc/passwd and
 * /etc/group, else as numbers. Times are UTC, as in a container.
 */
final class LongListing {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Duration SIX_MONTHS = Duration.ofSeconds(31_556_952L / 2);
    private static final int BLOCK = 4096;

    private final FileSystem fs;
    private final ShellContext shell;
    private final Optional<Instant> now;
    private final boolean human;

    LongListing(FileSystem fs, ShellContext shell, Optional<Instant> now, boolean human) {
        this.fs = fs;
        this.shell = shell;
        this.now = now;
        this.human = human;
    }

    /** "total N": the 1K blocks the entries take on a 4K-block file system. */
    String total(List<String> paths) {
        long blocks = 0;
        for (String path : paths) {
            blocks += fs.lstat(path).map(LongListing::kilobytes).orElse(0L);
        }
        return "total " + (human ? humanSize(blocks * 1024) : Long.toString(blocks)) + "\n";
    }

    private static long kilobytes(FileStat stat) {
        return stat.type() == FileStat.Type.SYMLINK ? 0 : (stat.size() + BLOCK - 1) / BLOCK * (BLOCK / 1024);
    }

    /** One line per entry, {@code names} as shown and {@code paths} where they are. */
    String entries(List<String> names, List<String> paths) {
        List<String[]> rows = new ArrayList<>();
        int[] widths = new int[4];
        for (int i = 0; i < names.size(); i++) {
            Optional<FileStat> found = fs.lstat(paths.get(i));
            if (found.isEmpty()) {
                continue;
            }
            FileStat stat = found.get();
            String[] row = {stat.modeString(), Long.toString(links(paths.get(i), stat)),
                Accounts.user(fs, shell, stat.uid()), Accounts.group(fs, shell, stat.gid()),
                human ? humanSize(stat.size()) : Long.toString(stat.size()), time(stat.modified()),
                names.get(i) + (stat.type() == FileStat.Type.SYMLINK ? " -> " + stat.linkTarget() : "")};
            for (int c = 0; c < 4; c++) {
                widths[c] = Math.max(widths[c], row[c + 1].length());
            }
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(row[0]).append(' ')
                    .append(" ".repeat(widths[0] - row[1].length())).append(row[1]).append(' ')
                    .append(row[2]).append(" ".repeat(widths[1] - row[2].length())).append(' ')
                    .append(row[3]).append(" ".repeat(widths[2] - row[3].length())).append(' ')
                    .append(" ".repeat(widths[3] - row[4].length())).append(row[4]).append(' ')
                    .append(row[5]).append(' ').append(row[6]).append('\n');
        }
        return out.toString();
    }

    /** A directory's link count is 2 (its name and its ".") plus one ".." per subdirectory. */
    private long links(String path, FileStat stat) {
        if (!stat.isDirectory()) {
            return 1;
        }
        return 2 + fs.list(path).stream().filter(n -> fs.lstat(path.equals("/") ? "/" + n : path + "/" + n)
                .map(FileStat::isDirectory).orElse(false)).count();
    }

    private String time(Instant modified) {
        boolean recent = now.map(n -> !modified.isAfter(n) && Duration.between(modified, n).compareTo(SIX_MONTHS) < 0)
                .orElse(true);
        return (recent ? RECENT : OLD).format(modified);
    }

    /** ls -h: powers of 1024, one decimal below 10, always rounded up (human_ceiling). */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return Long.toString(bytes);
        }
        String units = "KMGTPE";
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length() - 1) {
            value /= 1024;
            unit++;
        }
        if (value < 10) {
            double tenths = Math.ceil(value * 10) / 10;
            if (tenths < 10) {
                return String.format(Locale.ROOT, "%.1f%c", tenths, units.charAt(unit));
            }
            value = tenths;
        }
        long whole = (long) Math.ceil(value);
        if (whole >= 1024 && unit < units.length() - 1) {
            return "1.0" + units.charAt(unit + 1);
        }
        return whole + "" + units.charAt(unit);
    }
}
