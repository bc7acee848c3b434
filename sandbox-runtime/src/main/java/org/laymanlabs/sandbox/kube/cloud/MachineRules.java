package org.laymanlabs.sandbox.kube.cloud;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.net.iptables.IptablesRestoreCommand;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * How the cloud's own machines (a load balancer, the home router) get their rules: loaded whole
 * with iptables-restore, as a provider's image does at boot. The text is the cloud's, so a refusal
 * is a bug in this package, not a learner's mistake.
 */
final class MachineRules {

    private MachineRules() {
    }

    static void load(Netfilter tables, String rules, String machine) {
        CommandResult result = new IptablesRestoreCommand(tables).run(new Invocation(List.of(), rules, null));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(machine + " rules refused: " + result.stderr());
        }
    }
}
