package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import java.util.List;

/**
 * Kryo's references with the {@link SharedObjects} in front: numbers below the shared objects'
 * count name one of them, the rest are the graph's own objects as Kryo numbers them.
 */
final class SharedReferences extends MapReferenceResolver {

    private final SharedObjects shared;
    private final int offset;
    /** While the shared objects themselves are walked: every object met, in order. */
    private final List<Object> met;
    private java.util.Set<Object> recordsInProgress = java.util.Set.of();

    SharedReferences(SharedObjects shared, List<Object> met) {
        this.shared = shared;
        this.offset = shared.size();
        this.met = met;
    }

    void recordsInProgress(java.util.Set<Object> records) {
        this.recordsInProgress = records;
    }

    @Override
    public int addWrittenObject(Object object) {
        if (met != null) {
            met.add(object);
        }
        return super.addWrittenObject(object) + offset;
    }

    @Override
    public int getWrittenId(Object object) {
        int id = shared.idOf(object);
        if (id >= 0) {
            return id;
        }
        if (recordsInProgress.contains(object)) {
            return -1; // written again, as a new record of the same value: see GraphKryo.RecordInProgress
        }
        int own = super.getWrittenId(object);
        return own < 0 ? own : own + offset;
    }

    @Override
    public int nextReadId(Class type) {
        return super.nextReadId(type) + offset;
    }

    @Override
    public void setReadObject(int id, Object object) {
        super.setReadObject(id - offset, object);
    }

    @Override
    public Object getReadObject(Class type, int id) {
        if (id < offset) {
            return shared.get(id);
        }
        Object object = super.getReadObject(type, id - offset);
        if (object == null) {
            // A reference to an object still being read whose serializer makes it only at the end
            // (a lambda, from its captured values): Kryo would hand back null in its place.
            throw new KryoException("a cycle through a " + type.getName() + " that is made only after its parts");
        }
        return object;
    }
}
