package org.laymanlabs.sandbox.docker;

/**
 * The rows of {@code docker system df} that other features own: containers, local volumes and the
 * build cache. The container engine and the builder provide them; until then they are empty.
 */
public interface DiskUsageSource {

    /**
     * One row's numbers, as the daemon's {@code /system/df} reports them.
     *
     * @param size        bytes used
     * @param reclaimable bytes that pruning would free
     */
    record Row(int total, int active, long size, long reclaimable) {
        public static final Row EMPTY = new Row(0, 0, 0, 0);
    }

    Row containers();

    Row localVolumes();

    Row buildCache();

    static DiskUsageSource none() {
        return new DiskUsageSource() {
            @Override
            public Row containers() {
                return Row.EMPTY;
            }

            @Override
            public Row localVolumes() {
                return Row.EMPTY;
            }

            @Override
            public Row buildCache() {
                return Row.EMPTY;
            }
        };
    }
}
