package org.laymanlabs.sandbox.net.iptables;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.laymanlabs.sandbox.net.netfilter.Rule;
import org.laymanlabs.sandbox.net.netfilter.TableName;

/**
 * Reads one iptables command line as do_parse() in iptables/xshared.c does: a lone "!" negates
 * the next option, the command and its chain come from -A/-I/-D/…, and everything else goes to
 * {@link RuleBuilder}. Errors carry iptables' own wording.
 */
final class CommandParser {

    /** Long spellings of the core options, mapped to their short letter. */
    private static final Map<String, String> LONG = Map.ofEntries(
            Map.entry("--append", "-A"), Map.entry("--check", "-C"), Map.entry("--delete", "-D"),
            Map.entry("--replace", "-R"), Map.entry("--insert", "-I"), Map.entry("--list", "-L"),
            Map.entry("--list-rules", "-S"), Map.entry("--flush", "-F"), Map.entry("--zero", "-Z"),
            Map.entry("--new-chain", "-N"), Map.entry("--delete-chain", "-X"), Map.entry("--policy", "-P"),
            Map.entry("--rename-chain", "-E"), Map.entry("--help", "-h"), Map.entry("--version", "-V"),
            Map.entry("--table", "-t"), Map.entry("--source", "-s"), Map.entry("--src", "-s"),
            Map.entry("--destination", "-d"), Map.entry("--dst", "-d"), Map.entry("--in-interface", "-i"),
            Map.entry("--out-interface", "-o"), Map.entry("--protocol", "-p"), Map.entry("--match", "-m"),
            Map.entry("--jump", "-j"), Map.entry("--goto", "-g"), Map.entry("--numeric", "-n"),
            Map.entry("--verbose", "-v"), Map.entry("--exact", "-x"), Map.entry("--set-counters", "-c"),
            Map.entry("--wait", "-w"), Map.entry("--wait-interval", "-W"), Map.entry("--fragment", "-f"),
            Map.entry("--ipv4", "-4"), Map.entry("--line-numbers", "--line-numbers"));

    private static final Set<String> INVERTIBLE = Set.of("-s", "-d", "-p", "-i", "-o", "-f");

    private final RuleBuilder rule = new RuleBuilder();
    private final Set<String> seen = new HashSet<>();
    private Operation operation;
    private TableName table = TableName.FILTER;
    private String tableWord = "filter";
    private String chain;
    private int ruleNumber;
    private String argument;
    private boolean numeric;
    private boolean verbose;
    private boolean exact;
    private boolean lineNumbers;
    private long packets;
    private long bytes;

    /**
     * Parses {@code words}; {@code chainExists} answers, for the table finally chosen, whether a
     * word after -j or -g names a chain.
     */
    static ParsedCommand parse(List<String> words, BiPredicate<TableName, String> chainExists) {
        return new CommandParser().run(new Arguments(words), chainExists);
    }

    private ParsedCommand run(Arguments args, BiPredicate<TableName, String> chainExists) {
        boolean invert = false;
        while (args.hasNext()) {
            String word = args.next();
            if (word.equals("!")) {
                if (invert) {
                    throw IptablesError.parameter("multiple consecutive ! not allowed");
                }
                invert = true;
                continue;
            }
            if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
                throw IptablesError.badArgument(word);
            }
            String option = word.startsWith("--") ? LONG.getOrDefault(word, word) : word;
            if (option.startsWith("--") && !option.equals("--line-numbers")) {
                rule.extensionOption(word, args, invert);
            } else {
                core(option, args, invert);
            }
            invert = false;
        }
        return finish(chainExists);
    }

    private void core(String option, Arguments args, boolean invert) {
        if (invert && !INVERTIBLE.contains(option)) {
            throw IptablesError.parameter("cannot have ! before " + option);
        }
        switch (option) {
            case "-A" -> command(Operation.APPEND, args.value(option));
            case "-C" -> command(Operation.CHECK, args.value(option));
            case "-D" -> {
                command(Operation.DELETE, args.value(option));
                if (args.hasOptionalValue()) {
                    operation = Operation.DELETE_NUM;
                    ruleNumber = ruleNumber(args.next());
                }
            }
            case "-R" -> {
                command(Operation.REPLACE, args.value(option));
                ruleNumber = ruleNumber(args.value(option));
            }
            case "-I" -> {
                command(Operation.INSERT, args.value(option));
                ruleNumber = args.hasOptionalValue() ? ruleNumber(args.next()) : 1;
            }
            case "-L", "-S", "-Z" -> listLike(option, args);
            case "-F", "-X" -> command(option.equals("-F") ? Operation.FLUSH : Operation.DELETE_CHAIN,
                    args.hasOptionalValue() ? args.next() : null);
            case "-N" -> newChain(args.value(option));
            case "-P" -> {
                command(Operation.SET_POLICY, args.value(option));
                argument = args.value(option);
            }
            case "-E" -> {
                command(Operation.RENAME_CHAIN, args.value(option));
                argument = args.value(option);
            }
            case "-h" -> command(Operation.HELP, null);
            case "-V" -> command(Operation.VERSION, null);
            default -> ruleOrFlag(option, args, invert);
        }
    }

    private void listLike(String option, Arguments args) {
        Operation op = switch (option) {
            case "-L" -> Operation.LIST;
            case "-S" -> Operation.LIST_RULES;
            default -> Operation.ZERO;
        };
        command(op, args.hasOptionalValue() ? args.next() : null);
        if (chain != null && args.hasOptionalValue()) {
            ruleNumber = ruleNumber(args.next());
        }
    }

    private void newChain(String name) {
        command(Operation.NEW_CHAIN, name);
        if (name.startsWith("-") || name.startsWith("!")) {
            throw IptablesError.parameter("chain name not allowed to start with `" + name.charAt(0) + "'\n");
        }
        if (Extensions.isTarget(name)) {
            throw IptablesError.parameter("chain name may not clash with target name\n");
        }
    }

    private void ruleOrFlag(String option, Arguments args, boolean invert) {
        once(option);
        switch (option) {
            case "-t" -> tableWord = args.value(option);
            case "-s" -> rule.source(args.value(option), invert);
            case "-d" -> rule.destination(args.value(option), invert);
            case "-i" -> rule.inInterface(args.value(option), invert);
            case "-o" -> rule.outInterface(args.value(option), invert);
            case "-p" -> rule.protocol(args.value(option), invert);
            case "-m" -> {
                seen.remove(option);
                rule.loadMatch(args.value(option));
            }
            case "-j", "-g" -> {
                seen.add("-j");
                rule.jump(args.value(option), option.equals("-g"));
            }
            case "-n" -> numeric = true;
            case "-v" -> verbose = true;
            case "-x" -> exact = true;
            case "--line-numbers" -> lineNumbers = true;
            case "-c" -> counters(args);
            case "-w", "-W" -> {
                if (args.hasOptionalValue()) {
                    args.next();
                }
            }
            case "-4" -> seen.remove(option);
            case "-f" -> throw IptablesError.parameter("the sandbox does not model IP fragments (-f)");
            default -> throw IptablesError.parameter("unknown option \"" + option + "\"");
        }
    }

    private void once(String option) {
        if (!seen.add(option) && !option.equals("-v")) {
            throw IptablesError.parameter("multiple " + option + " flags not allowed");
        }
    }

    private void counters(Arguments args) {
        String pkts = args.value("-c");
        String byteCount = args.value("-c");
        try {
            packets = Long.parseUnsignedLong(pkts);
            bytes = Long.parseUnsignedLong(byteCount);
        } catch (NumberFormatException e) {
            throw IptablesError.parameter("-c packet counter not numeric");
        }
    }

    private void command(Operation next, String chainName) {
        if (operation != null) {
            throw IptablesError.parameter("Cannot use -" + next.letter + " with -" + operation.letter + "\n");
        }
        operation = next;
        chain = chainName;
    }

    private static int ruleNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw IptablesError.parameter("Invalid rule number `" + text + "'");
    }

    private ParsedCommand finish(BiPredicate<TableName, String> chainExists) {
        if (operation == null) {
            throw IptablesError.parameter("no command specified");
        }
        new OptionCheck(operation, seen).check();
        if (operation == Operation.NEW_CHAIN && chain.length() > 28) {
            throw IptablesError.parameter("chain name `" + chain + "' too long (must be under 29 chars)");
        }
        table = TableName.fromKeyword(tableWord).orElseThrow(() -> IptablesError.version(
                "table '" + tableWord + "' does not exist"));
        Rule built = operation.takesRule() ? rule.build(name -> chainExists.test(table, name)) : null;
        return new ParsedCommand(operation, table, chain, ruleNumber, built, argument,
                new ParsedCommand.ListFormat(numeric, verbose, exact, lineNumbers), packets, bytes);
    }
}
