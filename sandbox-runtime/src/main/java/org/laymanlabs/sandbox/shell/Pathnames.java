package org.laymanlabs.sandbox.shell;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.vfs.FileSystem;

/**
 * Pathname expansion of a word with {@code *}, {@code ?} or {@code [...]} in it, as bash does it
 * with its default options (no dotglob, nullglob or failglob): each {@code /}-separated part is
 * matched against the names in its directory, a name starting with {@code .} only by a pattern
 * that starts with a literal {@code .}, and the matches come back sorted (C locale). Mirrors bash
 * lib/glob/glob.c and strmatch.c; {@code \} in the pattern makes the next character literal.
 */
final class Pathnames {

    private Pathnames() {
    }

    /** The paths that match, as the pattern spells them (relative ones stay relative), or none. */
    static List<String> expand(String pattern, FileSystem files, String cwd) {
        boolean absolute = pattern.startsWith("/");
        List<String> parts = new ArrayList<>(List.of(pattern.split("/", -1)));
        boolean trailingSlash = parts.size() > 1 && parts.get(parts.size() - 1).isEmpty();
        parts.removeIf(String::isEmpty);
        List<String> found = new ArrayList<>();
        found.add(absolute ? "/" : "");
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            List<String> next = new ArrayList<>();
            for (String prefix : found) {
                step(files, cwd, prefix, parts.get(i), last && !trailingSlash, next);
            }
            found = next;
            if (found.isEmpty()) {
                return List.of();
            }
        }
        List<String> matches = new ArrayList<>();
        for (String path : found) {
            matches.add(trailingSlash ? path + "/" : path);
        }
        matches.sort(null);
        return matches;
    }

    /** Extends {@code prefix} by the names in its directory that match {@code part}. */
    private static void step(FileSystem files, String cwd, String prefix, String part, boolean last, List<String> out) {
        String dir = FileSystem.resolve(cwd, files.home(), prefix.isEmpty() ? "." : prefix);
        String joiner = prefix.isEmpty() || prefix.endsWith("/") ? "" : "/";
        if (!isPattern(part)) {
            String name = unescape(part);
            String candidate = prefix + joiner + name;
            String path = FileSystem.resolve(cwd, files.home(), candidate);
            if (files.exists(path) && (last || files.isDirectory(path))) {
                out.add(candidate);
            }
            return;
        }
        if (!files.isDirectory(dir)) {
            return;
        }
        for (String name : files.list(dir)) {
            String candidate = prefix + joiner + name;
            if (matches(part, name) && (last || files.isDirectory(FileSystem.resolve(cwd, files.home(), candidate)))) {
                out.add(candidate);
            }
        }
    }

    static boolean isPattern(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static String unescape(String part) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\' && i + 1 < part.length()) {
                c = part.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** fnmatch with FNM_PERIOD: a leading dot is matched only by a literal dot. */
    static boolean matches(String pattern, String name) {
        if (name.startsWith(".") && !pattern.startsWith(".") && !pattern.startsWith("\\.")) {
            return false;
        }
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
            } else if (c == '[' && bracketEnd(p, pi) > 0) {
                int end = bracketEnd(p, pi);
                if (!inBracket(p.substring(pi + 1, end), s.charAt(si))) {
                    return false;
                }
                pi = end + 1;
                si++;
            } else {
                if (c == '\\' && pi + 1 < p.length()) {
                    c = p.charAt(++pi);
                }
                if (c != s.charAt(si)) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }

    /** Where a bracket expression closes; a {@code ]} right after {@code [}, {@code [!} or {@code [^} is a member. */
    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '[' && p.startsWith("[:", i) && p.indexOf(":]", i + 2) > 0) {
                i = p.indexOf(":]", i + 2) + 2;
            } else if (c == '\\') {
                i += 2;
            } else if (c == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean inBracket(String set, char c) {
        boolean negate = !set.isEmpty() && (set.charAt(0) == '!' || set.charAt(0) == '^');
        int i = negate ? 1 : 0;
        boolean found = false;
        while (i < set.length()) {
            char from = set.charAt(i);
            if (from == '[' && set.startsWith("[:", i) && set.indexOf(":]", i) > 0) {
                int close = set.indexOf(":]", i);
                found |= inClass(set.substring(i + 2, close), c);
                i = close + 2;
                continue;
            }
            if (from == '\\' && i + 1 < set.length()) {
                from = set.charAt(++i);
            }
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char to = set.charAt(i + 2);
                found |= c >= from && c <= to;
                i += 3;
            } else {
                found |= c == from;
                i++;
            }
        }
        return found != negate;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c) && c < 128;
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> (Character.isLetterOrDigit(c)) && c < 128;
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "space" -> " \t\n\r\f\u000b".indexOf(c) >= 0;
            case "xdigit" -> Character.digit(c, 16) >= 0 && c < 128;
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            default -> false;
        };
    }
}
