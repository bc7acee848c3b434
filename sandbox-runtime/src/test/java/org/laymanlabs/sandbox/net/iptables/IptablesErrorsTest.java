package org.laymanlabs.sandbox.net.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.laymanlabs.sandbox.CommandResult;

/**
 * Every refusal of iptables, in iptables-nft 1.8.9's words and exit status, against a small
 * ruleset that must be exactly the same afterwards.
 */
@DisplayName("iptables refuses bad commands as the real tool does, changing nothing")
class IptablesErrorsTest {

    private static final String HINT = "Try `iptables -h' or 'iptables --help' for more information.\n";
    private static final String PREFIX = "iptables v1.8.9 (nf_tables): ";

    private final Sandbox sandbox = new Sandbox();

    record Case(String line, String stderr, int exitCode) {
        @Override
        public String toString() {
            return line;
        }
    }

    @BeforeEach
    void someRules() {
        sandbox.ok("iptables -N USED");
        sandbox.ok("iptables -N A");
        sandbox.ok("iptables -N B");
        sandbox.ok("iptables -A INPUT -j USED");
        sandbox.ok("iptables -A A -j B");
        sandbox.ok("iptables -A INPUT -s 10.0.0.1 -j DROP");
        sandbox.ok("iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080");
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("iptables -N USED", "iptables: Chain already exists.\n", 1),
                new Case("iptables -A INPUT -j FOO",
                        PREFIX + "Chain 'FOO' does not exist\n" + HINT, 2),
                new Case("iptables -A NOPE -j ACCEPT", "iptables: No chain/target/match by that name.\n", 1),
                new Case("iptables -A INPUT x", "Bad argument `x'\n" + HINT, 2),
                new Case("iptables -A INPUT --bogus", PREFIX + "unknown option \"--bogus\"\n" + HINT, 2),
                new Case("iptables", PREFIX + "no command specified\n" + HINT, 2),
                new Case("iptables -A INPUT -L", PREFIX + "Cannot use -L with -A\n\n" + HINT, 2),
                new Case("iptables -A INPUT -m nosuch",
                        PREFIX + "Couldn't load match `nosuch':No such file or directory\n\n" + HINT, 2),
                new Case("iptables -A INPUT -g NOPE", PREFIX + "goto 'NOPE' is not a chain\n\n" + HINT, 2),
                new Case("iptables -A INPUT -s 999.1.1.1 -j DROP", PREFIX + "host/network `999.1.1.1' not found\n" + HINT, 2),
                new Case("iptables -A INPUT -p tcp --dport 99999 -j DROP",
                        PREFIX + "invalid port/service `99999' specified\n" + HINT, 2),
                new Case("iptables -A INPUT -p bogus", PREFIX + "unknown protocol \"bogus\" specified\n" + HINT, 2),
                new Case("iptables -A INPUT --dport 80", PREFIX + "unknown option \"--dport\"\n" + HINT, 2),
                new Case("iptables -A INPUT ! ! -s 1.2.3.4", PREFIX + "multiple consecutive ! not allowed\n" + HINT, 2),
                new Case("iptables -A INPUT -s 1.1.1.1 -s 2.2.2.2", PREFIX + "multiple -s flags not allowed\n" + HINT, 2),
                new Case("iptables -L -s 1.1.1.1", PREFIX + "Illegal option `-s' with this command\n\n" + HINT, 2),
                new Case("iptables -D INPUT 0", PREFIX + "Invalid rule number `0'\n" + HINT, 2),
                new Case("iptables -D INPUT -s 1.2.3.4 -j DROP",
                        "iptables: Bad rule (does a matching rule exist in that chain?).\n", 1),
                new Case("iptables -D INPUT 5", "iptables: No chain/target/match by that name.\n", 1),
                new Case("iptables -I INPUT 9 -j ACCEPT", "iptables: Index of insertion too big.\n", 1),
                new Case("iptables -R INPUT 3 -j ACCEPT", "iptables: No chain/target/match by that name.\n", 1),
                new Case("iptables -X NOPE", "iptables: No chain/target/match by that name.\n", 1),
                new Case("iptables -X USED",
                        PREFIX + " CHAIN_DEL failed (Device or resource busy): chain USED\n", 4),
                new Case("iptables -X", PREFIX + " CHAIN_DEL failed (Device or resource busy): chain A\n", 4),
                new Case("iptables -F NOPE", "iptables: No chain/target/match by that name.\n", 1),
                new Case("iptables -L NOPE", PREFIX + "chain `NOPE' in table `filter' is incompatible, use 'nft' tool.\n", 1),
                new Case("iptables -S NOPE", PREFIX + "chain `NOPE' in table `filter' is incompatible, use 'nft' tool.\n", 1),
                new Case("iptables -P USED DROP", "iptables: Bad built-in chain name.\n", 1),
                new Case("iptables -P INPUT REJECT", "iptables: Bad policy name. Run `dmesg' for more information.\n", 1),
                new Case("iptables -N ACCEPT", PREFIX + "chain name may not clash with target name\n\n" + HINT, 2),
                new Case("iptables -t foo -L", PREFIX + "table 'foo' does not exist\n"
                        + "Perhaps iptables or your kernel needs to be upgraded.\n", 3),
                new Case("iptables -A B -j A",
                        PREFIX + " RULE_APPEND failed (Too many levels of symbolic links): rule in chain B\n", 4),
                new Case("iptables -I B -j B",
                        PREFIX + " RULE_INSERT failed (Too many levels of symbolic links): rule in chain B\n", 4),
                new Case("iptables -A INPUT -p tcp -j DNAT --to-destination 1.2.3.4",
                        PREFIX + " RULE_APPEND failed (Invalid argument): rule in chain INPUT\n", 4),
                new Case("iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4",
                        PREFIX + " RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING\n", 4),
                new Case("iptables -A INPUT -m statistic --mode random",
                        PREFIX + "--probability must be specified when using random mode\n" + HINT, 2),
                new Case("iptables -A INPUT -m statistic --mode nth --every 2 --packet 2",
                        PREFIX + "the --packet p must be 0 <= p <= n-1\n" + HINT, 2),
                new Case("iptables -A INPUT -m recent --seconds 5",
                        PREFIX + "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'\n" + HINT, 2),
                new Case("iptables -A INPUT -j REJECT --reject-with nonsense",
                        PREFIX + "unknown reject type \"nonsense\"\n" + HINT, 2),
                new Case("iptables -C INPUT -s 9.9.9.9 -j DROP",
                        "iptables: Bad rule (does a matching rule exist in that chain?).\n", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithTheRealMessageAndExitCodeAndLeavesTheRulesetAlone(Case c) {
        String before = sandbox.save();

        CommandResult result = sandbox.run(c.line());

        assertThat(result.stderr()).isEqualTo(c.stderr());
        assertThat(result.exitCode()).isEqualTo(c.exitCode());
        assertThat(result.stdout()).isEmpty();
        assertThat(sandbox.save()).isEqualTo(before);
    }
}
