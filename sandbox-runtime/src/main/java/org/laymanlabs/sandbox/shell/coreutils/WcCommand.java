package org.laymanlabs.sandbox.shell.coreutils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * coreutils {@code wc}: lines, words and bytes. Columns are as wide as the largest count needs
 * (at least 7 when reading stdin without options), as GNU wc lays them out.
 */
final class WcCommand implements Command {

    @Override
    public String name() {
        return "wc";
    }

    @Override
    public String usage() {
        return "wc [-lwc] [FILE]...";
    }

    @Override
    public String summary() {
        return "Count lines, words and bytes.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        String flags = "";
        List<String> names = new ArrayList<>();
        for (String arg : invocation.args()) {
            if (arg.matches("-[lwc]+")) {
                flags += arg.substring(1);
            } else {
                names.add(arg);
            }
        }
        boolean lines = flags.isEmpty() || flags.contains("l");
        boolean words = flags.isEmpty() || flags.contains("w");
        boolean bytes = flags.isEmpty() || flags.contains("c");
        InputFiles files = InputFiles.read("wc", names, invocation);
        List<long[]> counts = new ArrayList<>();
        for (InputFiles.Input input : files.inputs()) {
            String text = input.text();
            counts.add(new long[] {text.chars().filter(c -> c == '\n').count(),
                    text.isBlank() ? 0 : text.strip().split("\\s+").length,
                    text.getBytes(StandardCharsets.UTF_8).length});
        }
        boolean single = (lines ? 1 : 0) + (words ? 1 : 0) + (bytes ? 1 : 0) == 1;
        int width = single && names.size() <= 1 ? 1 : names.isEmpty() ? 7
                : String.valueOf(counts.stream().mapToLong(c -> c[2]).sum()).length();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < counts.size(); i++) {
            List<String> columns = new ArrayList<>();
            long[] c = counts.get(i);
            if (lines) {
                columns.add(String.format("%" + width + "d", c[0]));
            }
            if (words) {
                columns.add(String.format("%" + width + "d", c[1]));
            }
            if (bytes) {
                columns.add(String.format("%" + width + "d", c[2]));
            }
            String name = files.inputs().get(i).name();
            out.append(String.join(" ", columns)).append(name.equals("-") && names.isEmpty() ? "" : " " + name).append('\n');
        }
        return new CommandResult(out.toString(), files.errors(), files.failed() ? 1 : 0);
    }
}
