package org.laymanlabs.sandbox.net.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import org.laymanlabs.sandbox.CommandResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("iptables-save prints kube-proxy's input as the kernel normalises it")
class IptablesSaveGoldenTest {

    private final Sandbox sandbox = new Sandbox();

    @Test
    void restoringTheInternalTrafficPolicyExampleSavesTheHandWrittenNormalisedText() {
        CommandResult restored = sandbox.restore(Sandbox.resource("internal-traffic-policy-e2e.rules"), "--noflush", "--counters");

        assertThat(restored).isEqualTo(new CommandResult("", "", 0));
        assertThat(sandbox.ok("iptables-save -t nat")).isEqualTo(Sandbox.resource("internal-traffic-policy-e2e.saved"));
    }

    @Test
    void savedTextRestoresToTheSameText() {
        sandbox.restore(Sandbox.resource("internal-traffic-policy-e2e.rules"));
        String saved = sandbox.ok("iptables-save");

        Sandbox other = new Sandbox();
        assertThat(other.restore(saved).exitCode()).isZero();
        assertThat(other.ok("iptables-save")).isEqualTo(saved);
    }

    @Test
    void theOracleRulesAreAcceptedAndEveryExcerptLineIsSavedVerbatim() {
        assertThat(sandbox.restore(Sandbox.resource("kube-nat.rules")).exitCode()).isZero();

        String saved = sandbox.ok("iptables-save -t nat");
        for (String line : Sandbox.resource("kube-nat-normalised.excerpt").split("\n")) {
            assertThat(saved).contains("\n" + line.substring(line.indexOf(']') + 2) + "\n");
        }
    }

    @Test
    void onlyTablesThatWereWrittenAreSavedInIptablesSaveOrder() {
        sandbox.ok("iptables -t nat -N X");
        sandbox.ok("iptables -A INPUT -j ACCEPT");
        sandbox.ok("iptables -t mangle -A PREROUTING -j MARK --set-mark 1");

        String saved = sandbox.ok("iptables-save");

        assertThat(saved.lines().filter(line -> line.startsWith("*")).toList()).containsExactly("*mangle", "*filter", "*nat");
        assertThat(saved).contains("-A PREROUTING -j MARK --set-xmark 0x1/0xffffffff\n");
    }
}
