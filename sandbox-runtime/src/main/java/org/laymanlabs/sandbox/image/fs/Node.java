package org.laymanlabs.sandbox.image.fs;

/**
 * One entry of a file tree: a directory, a regular file or a symbolic link, with the owner and
 * permission bits a tar header carries. Nodes are immutable, so one node can sit in many trees.
 */
public sealed interface Node permits Directory, RegularFile, Symlink {

    /** Permission bits only, such as {@code 0755}. */
    int mode();

    int uid();

    int gid();

    /** The type letter {@code ls -l} prints first: {@code d}, {@code -} or {@code l}. */
    char typeLetter();
}
