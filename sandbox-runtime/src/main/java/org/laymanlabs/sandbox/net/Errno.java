package org.laymanlabs.sandbox.net;

/** The kernel's answers to a netlink request that fails, with strerror's wording. */
public enum Errno {
    EEXIST("File exists"),
    ESRCH("No such process"),
    ENODEV("No such device"),
    ENETUNREACH("Network is unreachable"),
    EADDRNOTAVAIL("Cannot assign requested address"),
    EINVAL("Invalid argument"),
    EBUSY("Device or resource busy");

    private final String message;

    Errno(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
