package org.laymanlabs.sandbox.net.netfilter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One walk of one table's chain for one packet: ipt_do_table() in net/ipv4/netfilter/ip_tables.c.
 * Rules are tried in order; a jump pushes a return point, a goto does not, RETURN (or the end of
 * a user chain) pops, and the end of the built-in chain applies its policy. Every matching rule
 * is counted and traced. NAT targets end the walk with ACCEPT and hand their binding back.
 */
final class Traversal {

    /** The walk's outcome: a verdict, the packet (MARK applied), and the NAT target that fired, if any. */
    record Result(Verdict verdict, Packet packet, Target nat) {
    }

    private record ReturnPoint(Chain chain, int next) {
    }

    private final Netfilter netfilter;
    private final Table table;
    private final List<TraceEntry> trace;
    private Packet packet;

    Traversal(Netfilter netfilter, Table table, Packet packet, List<TraceEntry> trace) {
        this.netfilter = netfilter;
        this.table = table;
        this.packet = packet;
        this.trace = trace;
    }

    Result run(Hook hook) {
        Chain chain = table.builtin(hook);
        Deque<ReturnPoint> stack = new ArrayDeque<>();
        int index = 0;
        while (true) {
            if (index >= chain.size()) {
                if (stack.isEmpty()) {
                    return policy(chain);
                }
                ReturnPoint back = stack.pop();
                chain = back.chain();
                index = back.next();
                continue;
            }
            InstalledRule rule = chain.rule(index);
            if (!matches(rule)) {
                index++;
                continue;
            }
            rule.count(packet.length());
            Target target = rule.rule().target();
            trace(chain, index + 1, rule.rule(), label(rule.rule()));
            if (target == null || applyNonTerminal(target)) {
                index++;
            } else if (target == StandardTarget.RETURN) {
                if (stack.isEmpty()) {
                    return policy(table.builtin(hook));
                }
                ReturnPoint back = stack.pop();
                chain = back.chain();
                index = back.next();
            } else if (target instanceof JumpTarget jump) {
                if (!rule.rule().gotoChain()) {
                    stack.push(new ReturnPoint(chain, index + 1));
                }
                chain = table.chain(jump.chain()).orElseThrow();
                index = 0;
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
        MatchContext context = new MatchContext(packet, netfilter, installed);
        for (Match match : rule.matches()) {
            if (!match.matches(context)) {
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

    private void trace(Chain chain, int number, Rule rule, String verdict) {
        trace.add(new TraceEntry(table.name(), chain.name(), number, verdict, rule.save(chain.name())));
    }

    /** The verdict word xtables-monitor --trace prints for a matching rule. */
    private static String label(Rule rule) {
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
