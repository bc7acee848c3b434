package org.laymanlabs.sandbox.kube.store.mvcc;

/**
 * Mirrors etcd server/storage/mvcc/revision.go: a write's place in the store's history. Every
 * committed transaction that writes gets a new main revision; each write inside it gets a sub
 * revision, so the changes of one transaction stay ordered.
 */
public record Revision(long main, long sub) implements Comparable<Revision> {

    @Override
    public int compareTo(Revision other) {
        int byMain = Long.compare(main, other.main);
        return byMain != 0 ? byMain : Long.compare(sub, other.sub);
    }
}
