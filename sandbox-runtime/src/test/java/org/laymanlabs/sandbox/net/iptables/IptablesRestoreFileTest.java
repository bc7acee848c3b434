package org.laymanlabs.sandbox.net.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.SandboxSpec;

@DisplayName("iptables-restore FILE")
class IptablesRestoreFileTest {

    private final org.laymanlabs.sandbox.Sandbox sandbox =
            org.laymanlabs.sandbox.Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));

    @Test
    void readsTheRulesFromTheFileNamedInsteadOfStdin() {
        sandbox.workspace().write("rules.txt", "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.9.9.9/32 -j DROP\nCOMMIT\n");

        assertThat(sandbox.shell().run("iptables-restore rules.txt").exitCode()).isZero();
        assertThat(sandbox.shell().run("iptables -S INPUT").stdout()).contains("-A INPUT -s 10.9.9.9/32 -j DROP\n");
    }

    @Test
    void aFileItCannotReadIsNamedWithTheReason() {
        sandbox.shell().run("mkdir rules.d");

        assertThat(sandbox.shell().run("iptables-restore nope.txt"))
                .isEqualTo(CommandResult.error("Can't open nope.txt: No such file or directory\n", 1));
        assertThat(sandbox.shell().run("iptables-restore rules.d"))
                .isEqualTo(CommandResult.error("Can't open rules.d: Is a directory\n", 1));
        assertThat(sandbox.shell().run("iptables-restore a b").stderr()).isEqualTo("Unknown arguments found on commandline\n");
    }
}
