package org.laymanlabs.sandbox.net.netfilter;

/** The error numbers the kernel answers netfilter requests with, and their strerror() text. */
public enum Errno {
    ENOENT("No such file or directory"),
    ENOMEM("Cannot allocate memory"),
    EEXIST("File exists"),
    E2BIG("Argument list too long"),
    EINVAL("Invalid argument"),
    EBUSY("Device or resource busy"),
    ELOOP("Too many levels of symbolic links"),
    EOPNOTSUPP("Operation not supported");

    private final String text;

    Errno(String text) {
        this.text = text;
    }

    /** What strerror() says for this number on glibc. */
    public String strerror() {
        return text;
    }
}
