package org.laymanlabs.sandbox.net.iptables;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.net.netfilter.Errno;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.netfilter.NetfilterException;
import org.laymanlabs.sandbox.net.netfilter.Policy;
import org.laymanlabs.sandbox.net.netfilter.Table;
import org.laymanlabs.sandbox.net.netfilter.TableName;

/**
 * One run of iptables-restore over its input (iptables/xtables-restore.c,
 * xtables_restore_parse_line): "*table" starts a working copy, ":CHAIN POLICY [p:b]" declares
 * chains, rule lines are iptables commands, and "COMMIT" swaps the copy in. An error stops the
 * run; the table being built is dropped, so it stays exactly as it was.
 */
final class RestoreRun {

    record Options(boolean noflush, boolean counters, boolean test, String onlyTable) {
    }

    private final Netfilter netfilter;
    private final Options options;
    private TableName current;
    private Table work;
    private int line;
    private IptablesError.MissingChain missingChain;

    RestoreRun(Netfilter netfilter, Options options) {
        this.netfilter = netfilter;
        this.options = options;
    }

    /** Restores {@code input}; throws an {@link IptablesError} and reports {@link #line()} on failure. */
    void run(String input) {
        List<String> lines = input.isEmpty() ? List.of() : List.of(input.split("\n", -1));
        int count = input.endsWith("\n") ? lines.size() - 1 : lines.size();
        for (line = 1; line <= count; line++) {
            step(lines.get(line - 1));
        }
        if (work != null) {
            line = 0;
            throw IptablesError.plain("COMMIT expected at line " + (count + 1));
        }
    }

    int line() {
        return line;
    }

    private void step(String text) {
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        if (text.equals("COMMIT") && work != null) {
            commit();
        } else if (text.startsWith("*") && work == null) {
            begin(text.substring(1).strip());
        } else if (text.startsWith(":") && work != null) {
            declareChain(text.substring(1));
        } else if (work != null) {
            rule(text);
        } else {
            throw IptablesError.lineFailed();
        }
    }

    private void begin(String name) {
        current = TableName.fromKeyword(name.split("[ \t]")[0])
                .orElseThrow(() -> IptablesError.parameter("Table `" + name + "' does not exist"));
        Table live = netfilter.table(current);
        work = options.noflush() ? live.copy() : new Table(current);
    }

    private void commit() {
        if (missingChain != null) {
            throw missingChain.asError();
        }
        boolean selected = options.onlyTable() == null || options.onlyTable().equals(current.keyword());
        if (!options.test() && selected) {
            if (!netfilter.fits(work)) {
                String chain = work.chains().stream().filter(c -> !c.rules().isEmpty()).reduce((a, b) -> b)
                        .map(c -> c.name()).orElse("INPUT");
                throw IptablesError.batch("RULE_APPEND", Errno.ENOMEM, "rule in chain " + chain);
            }
            netfilter.commit(work);
        }
        work = null;
    }

    /** ":NAME POLICY [p:b]": a built-in chain's policy, or a user chain to create (or, with --noflush, to flush). */
    private void declareChain(String rest) {
        String[] words = rest.strip().split("[ \t]+");
        if (words[0].isEmpty()) {
            throw IptablesError.parameter("iptables-restore: line " + line + " chain name invalid\n");
        }
        if (words.length < 2) {
            throw IptablesError.parameter("iptables-restore: line " + line + " policy invalid\n");
        }
        String chain = words[0];
        if (words[1].equals("-")) {
            if (work.chain(chain).isEmpty()) {
                work.newChain(chain);
            } else if (!work.chain(chain).get().builtin()) {
                work.flush(chain);
            }
            return;
        }
        long[] counts = words.length > 2 && options.counters() ? counters(words[2]) : null;
        setPolicy(chain, words[1], counts);
    }

    private void setPolicy(String chain, String policyWord, long[] counts) {
        try {
            Policy policy = Policy.valueOf(policyWord);
            var existing = work.chain(chain);
            long packets = counts != null ? counts[0] : existing.map(c -> c.packets()).orElse(0L);
            long bytes = counts != null ? counts[1] : existing.map(c -> c.bytes()).orElse(0L);
            work.setPolicy(chain, policy, packets, bytes);
        } catch (IllegalArgumentException | NetfilterException e) {
            String reason = e instanceof NetfilterException ? "Bad built-in chain name" : "Bad policy name";
            throw IptablesError.other("Can't set policy `" + policyWord + "' on `" + chain + "' line " + line + ": " + reason);
        }
    }

    private void rule(String text) {
        String body = text;
        long[] counts = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw IptablesError.parameter("Bad line " + line + ": need ]");
            }
            counts = counters(text.substring(0, close + 1));
            body = text.substring(close + 1);
        }
        List<String> words = RestoreTokenizer.words(body);
        if (words.contains("-t") || words.contains("--table")) {
            throw IptablesError.parameter("The -t option cannot be used in iptables-restore.\n");
        }
        List<String> argv = new ArrayList<>(List.of("-t", current.keyword()));
        argv.addAll(words);
        ParsedCommand command;
        try {
            command = CommandParser.parse(argv, (table, chain) -> work.chain(chain).isPresent());
        } catch (IptablesError.MissingChain missing) {
            // Reported when the table is committed, as iptables-nft builds the batch then.
            if (missingChain == null) {
                missingChain = missing;
            }
            return;
        }
        if (!command.operation().takesRule() && command.operation() != Operation.NEW_CHAIN
                && command.operation() != Operation.DELETE_CHAIN && command.operation() != Operation.FLUSH
                && command.operation() != Operation.ZERO && command.operation() != Operation.SET_POLICY
                && command.operation() != Operation.DELETE_NUM && command.operation() != Operation.RENAME_CHAIN) {
            throw IptablesError.lineFailed();
        }
        if (command.operation() == Operation.CHECK) {
            throw IptablesError.kernel("Bad rule (does a matching rule exist in that chain?)", Errno.ENOENT);
        }
        if (counts != null && options.counters()) {
            command = new ParsedCommand(command.operation(), command.table(), command.chain(), command.ruleNumber(),
                    command.rule(), command.argument(), command.format(), counts[0], counts[1]);
        }
        RulesetChange.apply(work, command);
    }

    /** parse_counters(): "[packets:bytes]". */
    private long[] counters(String text) {
        if (!text.matches("\\[[0-9]+:[0-9]+\\]")) {
            throw IptablesError.parameter(text.contains(":") ? "Bad line " + line + ": need ]" : "Bad line " + line + ": need :");
        }
        String[] parts = text.substring(1, text.length() - 1).split(":");
        return new long[] {Long.parseUnsignedLong(parts[0]), Long.parseUnsignedLong(parts[1])};
    }
}
