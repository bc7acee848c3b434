package org.laymanlabs.sandbox.net.netfilter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One walk of one table's chain for one packet: ipt_do_table() in net/ipv4/netfilter/ip_tables.c.
 * Rules are tried in order, skipping only those the chain's {@link ChainIndex} rules out; a jump
 * pushes a return point, a goto does not, RETURN (or the end of a user chain) pops, and with
 * nothing left to pop the built-in chain's policy applies (the hook's underflow entry), also at
 * the end of a chain reached by goto. Every matching rule is counted and traced. NAT targets end
 * the walk with ACCEPT and hand their binding back.
 */
final class Traversal {

    /** The walk's outcome: a verdict, the packet (MARK applied), and the NAT target that fired, if any. */
    record Result(Verdict verdict, Packet packet, Target nat) {
    }

    /** Where a jump comes back to: the calling chain and its candidates after the jumping rule. */
    private record ReturnPoint(Chain chain, ChainIndex.Candidates rest) {
    }

    private final Table table;
    private final List<TraceEntry> trace;
    private final MatchContext context;
    private Packet packet;

    Traversal(Netfilter netfilter, Table table, Packet packet, List<TraceEntry> trace) {
        this.table = table;
        this.packet = packet;
        this.trace = trace;
        this.context = new MatchContext(netfilter);
    }

    Result run(Hook hook) {
        Chain chain = table.builtin(hook);
        ChainIndex.Candidates candidates = chain.candidates(packet);
        Deque<ReturnPoint> stack = new ArrayDeque<>();
        while (true) {
            int index = candidates.next();
            if (index < 0) {
                if (stack.isEmpty()) {
                    return policy(table.builtin(hook));
                }
                ReturnPoint back = stack.pop();
                chain = back.chain();
                candidates = back.rest();
                continue;
            }
            InstalledRule rule = chain.rule(index);
            if (!matches(rule)) {
                continue;
            }
            rule.count(packet.length());
            Target target = rule.rule().target();
            trace.add(new TraceEntry(table.name(), chain.name(), index + 1, rule.label(), rule.saved(chain.name())));
            if (target == null || applyNonTerminal(target)) {
                continue;
            } else if (target == StandardTarget.RETURN) {
                if (stack.isEmpty()) {
                    return policy(table.builtin(hook));
                }
                ReturnPoint back = stack.pop();
                chain = back.chain();
                candidates = back.rest();
            } else if (target instanceof JumpTarget jump) {
                if (!rule.rule().gotoChain()) {
                    stack.push(new ReturnPoint(chain, candidates));
                }
                chain = table.chain(jump.chain()).orElseThrow();
                candidates = chain.candidates(packet);
            } else {
                return terminal(target);
            }
        }
    }

    private boolean matches(InstalledRule installed) {
        Rule rule = installed.rule();
        if (!rule.ip().matches(packet)) {
            return false;
        }
        MatchContext at = context.at(packet, installed);
        for (Match match : rule.matches()) {
            if (!match.matches(at)) {
                return false;
            }
        }
        return true;
    }

    /** MARK, LOG and TRACE change or note the packet and let the walk continue (XT_CONTINUE). */
    private boolean applyNonTerminal(Target target) {
        if (target instanceof MarkTarget mark) {
            packet = packet.withMark(mark.apply(packet.mark()));
            return true;
        }
        return target instanceof LogTarget || target instanceof TraceTarget;
    }

    private Result terminal(Target target) {
        if (target == StandardTarget.ACCEPT) {
            return new Result(Verdict.ACCEPT, packet, null);
        } else if (target == StandardTarget.DROP) {
            return new Result(Verdict.DROP, packet, null);
        } else if (target instanceof RejectTarget reject) {
            return new Result(new Verdict.Reject(reject.with()), packet, null);
        }
        return new Result(Verdict.ACCEPT, packet, target);
    }

    private Result policy(Chain builtin) {
        builtin.countPolicy(packet.length());
        trace.add(new TraceEntry(table.name(), builtin.name(), 0, "POLICY:" + builtin.policy(), ""));
        Verdict verdict = builtin.policy() == Policy.ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
        return new Result(verdict, packet, null);
    }

    /** The verdict word xtables-monitor --trace prints for a matching rule. */
    static String label(Rule rule) {
        Target target = rule.target();
        if (target instanceof JumpTarget jump) {
            return (rule.gotoChain() ? "GOTO:" : "JUMP:") + jump.chain();
        } else if (target instanceof StandardTarget standard) {
            return standard.name();
        } else if (target == null || target instanceof MarkTarget || target instanceof LogTarget
                || target instanceof TraceTarget) {
            return "CONTINUE";
        }
        return target instanceof RejectTarget ? "DROP" : "ACCEPT";
    }
}
