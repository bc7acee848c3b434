package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * GNU grep with the everyday options: -i, -v, -c, -n, -E (and -F for fixed strings). Exit 0 when
 * a line matched, 1 when none did, 2 on trouble, as grep's manual promises.
 */
final class GrepCommand implements Command {

    @Override
    public String name() {
        return "grep";
    }

    @Override
    public String usage() {
        return "grep [-ivcnEF] PATTERN [FILE]...";
    }

    @Override
    public String summary() {
        return "Print the lines that match a pattern.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        String flags = "";
        List<String> operands = new ArrayList<>();
        for (String arg : invocation.args()) {
            if (arg.startsWith("-") && arg.length() > 1 && operands.isEmpty()) {
                if (!arg.substring(1).matches("[ivcnEF]+")) {
                    return CommandResult.error("grep: invalid option -- '" + arg.charAt(1) + "'\n"
                            + "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
                }
                flags += arg.substring(1);
            } else {
                operands.add(arg);
            }
        }
        if (operands.isEmpty()) {
            return CommandResult.error("Usage: grep [OPTION]... PATTERNS [FILE]...\n"
                    + "Try 'grep --help' for more information.\n", 2);
        }
        Pattern pattern;
        try {
            pattern = compile(operands.get(0), flags);
        } catch (PatternSyntaxException e) {
            return CommandResult.error("grep: Invalid regular expression\n", 2);
        }
        List<String> names = operands.subList(1, operands.size());
        InputFiles files = InputFiles.read("grep", names, invocation);
        return search(pattern, flags, files, names.size() > 1);
    }

    private static CommandResult search(Pattern pattern, String flags, InputFiles files, boolean prefixNames) {
        boolean invert = flags.contains("v");
        StringBuilder out = new StringBuilder();
        int matchedAnywhere = 0;
        for (InputFiles.Input input : files.inputs()) {
            String prefix = prefixNames ? input.name() + ":" : "";
            int count = 0;
            List<String> lines = InputFiles.lines(input.text());
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find() != invert) {
                    count++;
                    if (!flags.contains("c")) {
                        out.append(prefix).append(flags.contains("n") ? (i + 1) + ":" : "").append(lines.get(i)).append('\n');
                    }
                }
            }
            if (flags.contains("c")) {
                out.append(prefix).append(count).append('\n');
            }
            matchedAnywhere += count;
        }
        int status = files.failed() ? 2 : matchedAnywhere > 0 ? 0 : 1;
        return new CommandResult(out.toString(), files.errors(), status);
    }

    /** Basic regular expressions treat + ? | ( ) { } as ordinary characters; -E makes them special. */
    private static Pattern compile(String expression, String flags) {
        int options = flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
        if (flags.contains("F")) {
            return Pattern.compile(Pattern.quote(expression), options);
        }
        String regex = flags.contains("E") ? expression : expression.replaceAll("([+?|(){}])", "\\\\$1");
        return Pattern.compile(regex, options);
    }
}
