package org.laymanlabs.sandbox.shell;

import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.vfs.FileStat;

/**
 * Mirrors bash's {@code test} and {@code [} builtins (bash builtins/test.def, test.c), which
 * decide by the number of arguments as POSIX says: none is false, one is true if not empty, two
 * are {@code !} or a unary file or string test, three a binary comparison (or {@code !} before
 * two), four {@code !} before three. Status 0 is true, 1 false, 2 a usage error, in bash's words.
 */
final class TestCommand implements Command {

    private static final int ERROR = 2;

    private final boolean bracket;

    TestCommand(boolean bracket) {
        this.bracket = bracket;
    }

    @Override
    public String name() {
        return bracket ? "[" : "test";
    }

    @Override
    public String usage() {
        return bracket ? "[ arg... ]" : "test [expr]";
    }

    @Override
    public String summary() {
        return "Evaluate a conditional expression: files (-f, -d, -e), strings (=, !=, -z, -n), numbers (-eq, -lt…).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        List<String> args = invocation.args();
        if (bracket) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                return error("missing `]'");
            }
            args = args.subList(0, args.size() - 1);
        }
        try {
            return evaluate(args, invocation.shell()) ? CommandResult.ok("") : CommandResult.error("", 1);
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    private CommandResult error(String message) {
        return CommandResult.error("bash: " + name() + ": " + message + "\n", ERROR);
    }

    private static boolean evaluate(List<String> args, ShellContext shell) {
        switch (args.size()) {
            case 0:
                return false;
            case 1:
                return !args.get(0).isEmpty();
            case 2:
                if (args.get(0).equals("!")) {
                    return args.get(1).isEmpty();
                }
                return unary(args.get(0), args.get(1), shell);
            case 3:
                if (isBinary(args.get(1))) {
                    return binary(args.get(0), args.get(1), args.get(2));
                }
                if (args.get(0).equals("!")) {
                    return !evaluate(args.subList(1, 3), shell);
                }
                if (args.get(0).equals("(") && args.get(2).equals(")")) {
                    return !args.get(1).isEmpty();
                }
                throw new IllegalArgumentException(args.get(1) + ": binary operator expected");
            case 4:
                if (args.get(0).equals("!")) {
                    return !evaluate(args.subList(1, 4), shell);
                }
                throw new IllegalArgumentException("too many arguments");
            default:
                throw new IllegalArgumentException("too many arguments");
        }
    }

    private static boolean unary(String operator, String operand, ShellContext shell) {
        if (!operator.matches("-[a-zA-Z]")) {
            throw new IllegalArgumentException(operator + ": unary operator expected");
        }
        String path = operand.isEmpty() ? "" : shell.resolve(operand);
        Optional<FileStat> stat = operand.isEmpty() ? Optional.empty() : shell.files().stat(path);
        return switch (operator) {
            case "-n" -> !operand.isEmpty();
            case "-z" -> operand.isEmpty();
            case "-e", "-a" -> stat.isPresent();
            case "-f" -> stat.filter(s -> s.type() == FileStat.Type.REGULAR).isPresent();
            case "-d" -> stat.filter(FileStat::isDirectory).isPresent();
            case "-s" -> stat.filter(s -> s.size() > 0).isPresent();
            case "-x" -> stat.filter(s -> s.isDirectory() || s.anyExecute()).isPresent();
            case "-r", "-w" -> stat.isPresent();
            case "-L", "-h" -> !operand.isEmpty() && shell.files().lstat(path)
                    .filter(s -> s.type() == FileStat.Type.SYMLINK).isPresent();
            default -> throw new IllegalArgumentException(operator + ": unary operator expected");
        };
    }

    private static boolean isBinary(String operator) {
        return List.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge").contains(operator);
    }

    private static boolean binary(String left, String operator, String right) {
        return switch (operator) {
            case "=", "==" -> left.equals(right);
            case "!=" -> !left.equals(right);
            default -> {
                int order = Long.compare(integer(left), integer(right));
                yield switch (operator) {
                    case "-eq" -> order == 0;
                    case "-ne" -> order != 0;
                    case "-lt" -> order < 0;
                    case "-le" -> order <= 0;
                    case "-gt" -> order > 0;
                    default -> order >= 0;
                };
            }
        };
    }

    private static long integer(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + ": integer expression expected");
        }
    }
}
