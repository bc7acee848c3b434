package org.laymanlabs.sandbox.image.build;

import org.laymanlabs.sandbox.image.fs.UnionView;

/** {@code --chown=user:group}: numbers as they are, names looked up in the image's /etc/passwd and /etc/group. */
final class Owner {

    private Owner() {
    }

    static int[] parse(String chown, UnionView image) {
        if (chown.isEmpty()) {
            return new int[] {0, 0};
        }
        String[] parts = chown.split(":", 2);
        int uid = id(parts[0], image, "/etc/passwd", 2, chown);
        int gid = parts.length > 1 ? id(parts[1], image, "/etc/group", 2, chown) : uid;
        return new int[] {uid, gid};
    }

    private static int id(String name, UnionView image, String file, int field, String chown) {
        if (name.matches("\\d+")) {
            return Integer.parseInt(name);
        }
        for (String line : image.read(file).orElse("").split("\n")) {
            String[] fields = line.split(":");
            if (fields.length > field && fields[0].equals(name)) {
                return Integer.parseInt(fields[field]);
            }
        }
        throw BuildFailure.of("unable to convert uid/gid chown string to host mapping: can't find uid for user "
                + name + ": no such user: " + name);
    }
}
