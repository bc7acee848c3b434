package org.laymanlabs.sandbox.net.netfilter;

/**
 * One step of a packet's path through the rules, in the spirit of the kernel's TRACE lines
 * ({@code nat:PREROUTING:rule:1}) and xtables-monitor's verdicts ({@code JUMP:KUBE-SERVICES}).
 *
 * @param ruleNumber the rule's position in its chain (1-based), or 0 for a policy or an implicit return
 * @param verdict    what happened: JUMP:X, GOTO:X, CONTINUE, RETURN, ACCEPT, DROP, or POLICY:ACCEPT…
 * @param rule       the rule in iptables-save form, or "" for a policy or return
 */
public record TraceEntry(TableName table, String chain, int ruleNumber, String verdict, String rule) {

    public boolean isRule() {
        return ruleNumber > 0;
    }

    @Override
    public String toString() {
        String where = table.keyword() + ":" + chain + ":" + (isRule() ? "rule:" + ruleNumber : "policy") + ":" + verdict;
        return isRule() ? where + "  -t " + table.keyword() + " " + rule : where;
    }
}
