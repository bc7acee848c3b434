package org.laymanlabs.sandbox.image;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A normalized image reference: registry domain, repository path, and a tag or digest. Mirrors
 * distribution/reference normalize.go (ParseNormalizedNamed, FamiliarName), so that {@code nginx},
 * {@code library/nginx} and {@code docker.io/library/nginx:latest} name the same repository.
 *
 * @param tag    the tag, or null
 * @param digest the manifest digest, or null
 */
public record Reference(String domain, String path, String tag, Digest digest) {

    public static final String DEFAULT_DOMAIN = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final String OFFICIAL_PREFIX = "library/";

    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[(?:[a-fA-F0-9:]+)\\])";
    private static final String DOMAIN = HOST + "(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(
            "^((?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
    private static final Pattern NAME = Pattern.compile(
            "^(?:(" + DOMAIN + ")/)?(" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");
    private static final Pattern TAG_ONLY = Pattern.compile("^" + TAG + "$");

    /**
     * Parses what a user typed, as ParseNormalizedNamed: adds {@code docker.io} and
     * {@code library/} where they are implied, but no default tag.
     *
     * @throws InvalidReferenceException with distribution's message, e.g.
     *         {@code invalid reference format: repository name (library/UPPER) must be lowercase}
     */
    public static Reference parse(String text) {
        if (IDENTIFIER.matcher(text).matches()) {
            throw new InvalidReferenceException(
                    "invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDomain(text);
        String remainder = split[1];
        int colon = remainder.indexOf(':');
        String remote = colon >= 0 ? remainder.substring(0, colon) : remainder;
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            throw new InvalidReferenceException(
                    "invalid reference format: repository name (" + remote + ") must be lowercase");
        }
        return parseFull(split[0] + "/" + remainder);
    }

    private static Reference parseFull(String text) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals(text) && REFERENCE.matcher(lower).matches()) {
                throw new InvalidReferenceException("repository name must be lowercase");
            }
            throw new InvalidReferenceException("invalid reference format");
        }
        Matcher name = NAME.matcher(m.group(1));
        if (!name.matches()) {
            throw new InvalidReferenceException("invalid reference format");
        }
        if (name.group(2).length() > 255) {
            throw new InvalidReferenceException("repository name must not be more than 255 characters");
        }
        Digest digest = m.group(3) == null ? null : parseDigest(m.group(3));
        return new Reference(name.group(1), name.group(2), m.group(2), digest);
    }

    private static Digest parseDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidReferenceException("invalid checksum digest format");
        }
    }

    private static String[] splitDomain(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return new String[] {DEFAULT_DOMAIN, OFFICIAL_PREFIX + name};
        }
        String first = name.substring(0, slash);
        String rest = name.substring(slash + 1);
        String domain;
        String remote;
        if (first.equals("localhost") || first.contains(".") || first.contains(":")
                || !first.toLowerCase(Locale.ROOT).equals(first)) {
            domain = first.equals("index.docker.io") ? DEFAULT_DOMAIN : first;
            remote = rest;
        } else {
            domain = DEFAULT_DOMAIN;
            remote = name;
        }
        if (domain.equals(DEFAULT_DOMAIN) && !remote.contains("/")) {
            remote = OFFICIAL_PREFIX + remote;
        }
        return new String[] {domain, remote};
    }

    /** True if {@code text} is a valid tag on its own. */
    public static boolean isValidTag(String text) {
        return TAG_ONLY.matcher(text).matches();
    }

    /** {@code docker.io/library/nginx}. */
    public String name() {
        return domain + "/" + path;
    }

    /** {@code nginx}, or {@code hashicorp/http-echo}: the name as the CLI shows it. */
    public String familiarName() {
        if (!domain.equals(DEFAULT_DOMAIN)) {
            return name();
        }
        if (path.startsWith(OFFICIAL_PREFIX) && !path.substring(OFFICIAL_PREFIX.length()).contains("/")) {
            return path.substring(OFFICIAL_PREFIX.length());
        }
        return path;
    }

    /** {@code nginx:latest} or {@code nginx@sha256:…}. */
    public String familiarString() {
        return familiarName() + suffix();
    }

    public Optional<String> tagIfAny() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> digestIfAny() {
        return Optional.ofNullable(digest);
    }

    public boolean isNameOnly() {
        return tag == null && digest == null;
    }

    /** TagNameOnly: adds {@code :latest} to a bare name. */
    public Reference withDefaultTag() {
        return isNameOnly() ? new Reference(domain, path, DEFAULT_TAG, null) : this;
    }

    public Reference withTag(String newTag) {
        return new Reference(domain, path, newTag, null);
    }

    public Reference withDigest(Digest newDigest) {
        return new Reference(domain, path, null, newDigest);
    }

    /** The bare repository, without tag or digest. */
    public Reference repository() {
        return new Reference(domain, path, null, null);
    }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** {@code docker.io/library/nginx:latest}. */
    @Override
    public String toString() {
        return name() + suffix();
    }
}
