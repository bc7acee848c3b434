package org.laymanlabs.backend.engineapi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.docker.VersionCommand;

/**
 * The {@code /vX.Y} prefix a client may put on a path. Mirrors moby api/server/middleware/version.go:
 * the docker CLI sends the version it negotiated, docker-java sends none, and a version outside
 * 1.24–1.50 is refused with the daemon's words.
 */
record ApiVersion(Optional<String> requested, String path) {

    private static final Pattern PREFIX = Pattern.compile("/v(\\d+\\.\\d+)(/.*)");

    static ApiVersion split(String path) {
        Matcher m = PREFIX.matcher(path);
        if (!m.matches()) {
            return new ApiVersion(Optional.empty(), path);
        }
        String version = m.group(1);
        if (compare(version, VersionCommand.MIN_API_VERSION) < 0) {
            throw ApiException.badRequest("client version " + version + " is too old. Minimum supported API version is "
                    + VersionCommand.MIN_API_VERSION + ", please upgrade your client to a newer version");
        }
        if (compare(version, VersionCommand.API_VERSION) > 0) {
            throw ApiException.badRequest("client version " + version + " is too new. Maximum supported API version is "
                    + VersionCommand.API_VERSION);
        }
        return new ApiVersion(Optional.of(version), m.group(2));
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
