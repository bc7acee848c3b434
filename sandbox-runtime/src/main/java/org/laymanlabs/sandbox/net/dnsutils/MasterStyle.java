package org.laymanlabs.sandbox.net.dnsutils;

import org.laymanlabs.sandbox.net.dns.Question;
import org.laymanlabs.sandbox.net.dns.ResourceRecord;

/**
 * Mirrors bind9 lib/dns/masterdump.c as dig styles it (dns_master_stylecreate with columns 24,
 * 32, 40 and 48, tab width 8): each field is indented to its column with tabs, or with one space
 * when the text before it already reached the column ({@code indent()}).
 */
final class MasterStyle {

    private static final int TTL = 24;
    private static final int CLASS = 32;
    private static final int TYPE = 40;
    private static final int RDATA = 48;
    private static final int TAB = 8;

    private final StringBuilder out = new StringBuilder();
    private int column;

    private MasterStyle() {
    }

    static String record(ResourceRecord r) {
        MasterStyle s = new MasterStyle();
        s.text(r.name()).indent(TTL).text(Long.toString(r.ttl())).indent(CLASS).text(dnsClass(r.dnsClass()))
                .indent(TYPE).text(r.type().toString()).indent(RDATA).text(r.data().text());
        return s.out.toString();
    }

    /** The question section's line: no TTL, so the class goes straight to its column. */
    static String question(Question q) {
        MasterStyle s = new MasterStyle();
        s.text(";" + q.name()).indent(CLASS).text(dnsClass(q.dnsClass())).indent(TYPE).text(q.type().toString());
        return s.out.toString();
    }

    private static String dnsClass(int value) {
        return value == Question.IN ? "IN" : "CLASS" + value;
    }

    private MasterStyle text(String text) {
        out.append(text);
        column += text.length();
        return this;
    }

    /** indent(): at least one character, tabs to the last tab stop before {@code to}, then spaces. */
    private MasterStyle indent(int to) {
        int target = Math.max(to, column + 1);
        int tabs = target / TAB - column / TAB;
        int from = column;
        if (tabs > 0) {
            out.append("\t".repeat(tabs));
            from = target / TAB * TAB;
        }
        out.append(" ".repeat(target - from));
        column = target;
        return this;
    }
}
