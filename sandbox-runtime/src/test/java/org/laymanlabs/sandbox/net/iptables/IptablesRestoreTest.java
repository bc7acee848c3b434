package org.laymanlabs.sandbox.net.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;

@DisplayName("iptables-restore")
class IptablesRestoreTest {

    private final Sandbox sandbox = new Sandbox();
    private String before;

    @BeforeEach
    void existingRules() {
        sandbox.ok("iptables -t nat -N KEEP");
        sandbox.ok("iptables -t nat -A KEEP -j RETURN");
        sandbox.ok("iptables -A INPUT -s 10.1.1.1 -j DROP");
        before = sandbox.save();
    }

    private void assertUnchanged(CommandResult result, String stderr, int exitCode) {
        assertThat(result.stderr()).isEqualTo(stderr);
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(sandbox.save()).isEqualTo(before);
    }

    @Test
    void aParameterErrorNamesItsLineAndChangesNothing() {
        CommandResult result = sandbox.restore("""
                *nat
                :PREROUTING ACCEPT [0:0]
                :KEEP - [0:0]
                :NEW - [0:0]
                -A NEW -j RETURN
                # a comment
                -A NEW --bogus
                COMMIT
                """);

        assertUnchanged(result, "iptables-restore v1.8.9 (nf_tables): unknown option \"--bogus\"\n"
                + "Error occurred at line: 7\n"
                + "Try `iptables-restore -h' or 'iptables-restore --help' for more information.\n", 2);
    }

    @Test
    void aRuleForAMissingChainFailsWithItsLine() {
        CommandResult result = sandbox.restore("*filter\n-A INPUT -j ACCEPT\n-A NOPE -j ACCEPT\nCOMMIT\n");

        assertUnchanged(result, "iptables-restore: line 3 failed: No chain/target/match by that name.\n", 1);
    }

    @Test
    void aJumpToAnUndeclaredChainFailsAtTheCommit() {
        CommandResult result = sandbox.restore("*filter\n-A INPUT -j NOWHERE\nCOMMIT\n");

        // iptables-nft resolves jumps when it builds the batch, so the COMMIT line is blamed.
        assertUnchanged(result, "iptables-restore v1.8.9 (nf_tables): Chain 'NOWHERE' does not exist\n"
                + "Error occurred at line: 3\n"
                + "Try `iptables-restore -h' or 'iptables-restore --help' for more information.\n", 2);
    }

    @Test
    void aLoopIsRefusedAtTheRuleThatClosesIt() {
        CommandResult result = sandbox.restore("""
                *nat
                :A - [0:0]
                :B - [0:0]
                -A A -j B
                -A B -j A
                COMMIT
                """, "--noflush");

        assertUnchanged(result, "iptables-restore v1.8.9 (nf_tables): \n"
                + "line 5: RULE_APPEND failed (Too many levels of symbolic links): rule in chain B\n", 4);
    }

    @Test
    void aMissingCommitLeavesTheTableAsItWas() {
        CommandResult result = sandbox.restore("*nat\n:NEW - [0:0]\n-A NEW -j RETURN\n");

        assertUnchanged(result, "iptables-restore: COMMIT expected at line 4\n", 1);
    }

    @Test
    void aPolicyOnAUserChainIsRefused() {
        CommandResult result = sandbox.restore("*nat\n:KEEP ACCEPT [0:0]\nCOMMIT\n");

        assertUnchanged(result, "iptables-restore v1.8.9 (nf_tables): Can't set policy `ACCEPT' on `KEEP' line 2: "
                + "Bad built-in chain name\n", 1);
    }

    @Test
    void eachTableIsCommittedOnItsOwn() {
        CommandResult result = sandbox.restore("""
                *filter
                -A INPUT -s 10.2.2.2 -j DROP
                COMMIT
                *nat
                -A NOPE -j RETURN
                COMMIT
                """, "--noflush");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(sandbox.ok("iptables -S INPUT")).contains("-A INPUT -s 10.2.2.2/32 -j DROP");
        assertThat(sandbox.ok("iptables -t nat -S KEEP")).isEqualTo("-N KEEP\n-A KEEP -j RETURN\n");
    }

    @Test
    void withoutNoflushATableIsReplacedWhole() {
        assertThat(sandbox.restore("*nat\n:OTHER - [0:0]\nCOMMIT\n").exitCode()).isZero();

        assertThat(sandbox.ok("iptables -t nat -S")).doesNotContain("KEEP").contains("-N OTHER");
        assertThat(sandbox.ok("iptables -S INPUT")).contains("10.1.1.1");
    }

    @Test
    void withNoflushOnlyDeclaredChainsAreFlushed() {
        sandbox.ok("iptables -t nat -N UNTOUCHED");
        sandbox.ok("iptables -t nat -A UNTOUCHED -j RETURN");

        sandbox.restore("*nat\n:KEEP - [0:0]\n-A KEEP -s 10.9.9.9 -j RETURN\nCOMMIT\n", "--noflush");

        assertThat(sandbox.ok("iptables -t nat -S")).contains(
                "-A KEEP -s 10.9.9.9/32 -j RETURN\n-A UNTOUCHED -j RETURN\n").doesNotContain("-A KEEP -j RETURN");
    }

    @Test
    void countersAreTakenOnlyWithDashDashCounters() {
        String input = "*filter\n:INPUT DROP [5:300]\n[7:420] -A INPUT -j ACCEPT\nCOMMIT\n";

        sandbox.restore(input);
        assertThat(sandbox.save()).contains(":INPUT DROP [0:0]\n", "[0:0] -A INPUT -j ACCEPT\n");

        sandbox.restore(input, "--counters");
        assertThat(sandbox.save()).contains(":INPUT DROP [5:300]\n", "[7:420] -A INPUT -j ACCEPT\n");
    }

    @Test
    void acceptsDockersRules() {
        CommandResult result = sandbox.restore("""
                *nat
                :DOCKER - [0:0]
                -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
                -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
                -A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE
                -A POSTROUTING -o bridge1 -m addrtype --src-type LOCAL -j MASQUERADE
                -A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80
                COMMIT
                """);

        assertThat(result.exitCode()).isZero();
        assertThat(sandbox.ok("iptables-save -t nat")).contains(
                "-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER\n",
                "-A POSTROUTING -s 192.0.2.0/24 ! -o bridge1 -j MASQUERADE\n",
                "-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80\n");
    }
}
