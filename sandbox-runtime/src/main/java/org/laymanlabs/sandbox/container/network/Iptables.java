package org.laymanlabs.sandbox.container.network;

import java.util.Arrays;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.iptables.IptablesCommand;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * How the engine changes the host's rules: by running iptables with arguments, as libnetwork's
 * iptables package execs the binary, so that the rules are parsed and saved exactly as a
 * learner's own would be.
 */
final class Iptables {

    private final IptablesCommand iptables;

    Iptables(Netfilter netfilter) {
        this.iptables = new IptablesCommand(netfilter);
    }

    /** Runs {@code iptables ARGS}; Docker's rules carry no quoted words, so splitting on spaces is exact. */
    void run(String arguments) {
        CommandResult result = iptables.run(new Invocation(Arrays.asList(arguments.split(" ")), "", null));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("iptables " + arguments + ": " + result.stderr());
        }
    }
}
