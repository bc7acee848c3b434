package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.ReferenceResolver;
import com.esotericsoftware.kryo.util.Util;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kryo's references, numbered as Kryo numbers them (in the order objects are first written, and
 * read), with the {@link SharedObjects} in front: numbers below their count name one of them.
 * A record written again while it is being written (GraphKryo.RecordInProgress) gets a number of
 * its own, which Kryo's MapReferenceResolver would have given to the next object too.
 */
final class SharedReferences implements ReferenceResolver {

    private final SharedObjects shared;
    private final int offset;
    /** While the shared objects themselves are walked: every object met, in order. */
    private final List<Object> met;
    private final Map<Object, Integer> written = new IdentityHashMap<>();
    private int nextWritten;
    private final List<Object> read = new ArrayList<>();
    private Set<Object> recordsInProgress = Set.of();

    SharedReferences(SharedObjects shared, List<Object> met) {
        this.shared = shared;
        this.offset = shared.size();
        this.met = met;
    }

    void recordsInProgress(Set<Object> records) {
        this.recordsInProgress = records;
    }

    @Override
    public void setKryo(Kryo kryo) {
    }

    @Override
    public int addWrittenObject(Object object) {
        if (met != null) {
            met.add(object);
        }
        int id = offset + nextWritten++;
        written.put(object, id);
        return id;
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
        Integer own = written.get(object);
        return own == null ? -1 : own;
    }

    @Override
    public int nextReadId(Class type) {
        read.add(null);
        return offset + read.size() - 1;
    }

    @Override
    public void setReadObject(int id, Object object) {
        read.set(id - offset, object);
    }

    @Override
    public Object getReadObject(Class type, int id) {
        if (id < offset) {
            return shared.get(id);
        }
        Object object = read.get(id - offset);
        if (object == null) {
            // A reference to an object still being read whose serializer makes it only at the end:
            // Kryo would hand back null in its place.
            throw new KryoException("a cycle through a " + type.getName() + " that is made only after its parts");
        }
        return object;
    }

    @Override
    public void reset() {
        written.clear();
        nextWritten = 0;
        read.clear();
    }

    /**
     * Strings are values: written in full each time, so that a sandbox holding one string in two
     * places (an interned literal) and one holding two equal strings are written alike.
     */
    @Override
    public boolean useReferences(Class type) {
        return type != String.class && !Util.isWrapperClass(type);
    }
}
