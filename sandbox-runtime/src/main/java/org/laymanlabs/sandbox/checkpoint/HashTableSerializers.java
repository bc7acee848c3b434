package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * {@link HashMap} and {@link HashSet} written with their table's size. A hash table iterates in the
 * order of its buckets, and the number of buckets is whatever its history made it (a map that once
 * held fifty entries keeps sixty-four buckets after most are removed). A restored map built with the
 * default size would iterate its keys in another order than the sandbox that was saved, and a
 * sandbox that iterates one (the controllers do) would then drift from the journal's straight run.
 * Entries are put back in the saved iteration order, so keys that share a bucket keep theirs too.
 */
final class HashTableSerializers {

    private static final Field TABLE = field(HashMap.class, "table");
    private static final Field THRESHOLD = field(HashMap.class, "threshold");
    private static final Field BACKING_MAP = field(HashSet.class, "map");

    private HashTableSerializers() {
    }

    static final class OfMap extends Serializer<HashMap<Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, HashMap<Object, Object> map) {
            output.writeVarInt(buckets(map), true);
            output.writeVarInt(map.size(), true);
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
        }

        @Override
        public HashMap<Object, Object> read(Kryo kryo, Input input, Class<? extends HashMap<Object, Object>> type) {
            int buckets = input.readVarInt(true);
            int size = input.readVarInt(true);
            HashMap<Object, Object> map = new HashMap<>(buckets);
            kryo.reference(map);
            for (int i = 0; i < size; i++) {
                Object key = kryo.readClassAndObject(input);
                map.put(key, kryo.readClassAndObject(input));
            }
            return map;
        }
    }

    static final class OfSet extends Serializer<HashSet<Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public void write(Kryo kryo, Output output, HashSet<Object> set) {
            try {
                output.writeVarInt(buckets((HashMap<Object, Object>) BACKING_MAP.get(set)), true);
            } catch (IllegalAccessException e) {
                throw new KryoException(e);
            }
            output.writeVarInt(set.size(), true);
            for (Object element : set) {
                kryo.writeClassAndObject(output, element);
            }
        }

        @Override
        public HashSet<Object> read(Kryo kryo, Input input, Class<? extends HashSet<Object>> type) {
            int buckets = input.readVarInt(true);
            int size = input.readVarInt(true);
            // HashSet(int) sizes its map as HashMap(int) does.
            HashSet<Object> set = new HashSet<>(buckets);
            kryo.reference(set);
            for (int i = 0; i < size; i++) {
                set.add(kryo.readClassAndObject(input));
            }
            return set;
        }
    }

    /**
     * The table's length; before the first put, the length the first put will allocate (kept in
     * the threshold, 0 for the default 16). HashMap(n) with n a power of two allocates exactly n.
     */
    private static int buckets(HashMap<?, ?> map) {
        try {
            Object[] table = (Object[]) TABLE.get(map);
            if (table != null) {
                return table.length;
            }
            int threshold = THRESHOLD.getInt(map);
            return threshold > 0 ? threshold : 16;
        } catch (IllegalAccessException e) {
            throw new KryoException(e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Checkpoints then refuse themselves (Checkpoints.available) instead of failing the class's loading.
            return null;
        }
    }

    static boolean readable() {
        return TABLE != null && THRESHOLD != null && BACKING_MAP != null;
    }
}
