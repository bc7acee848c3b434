package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JDK collections whose own serializers in Kryo lose something: an {@link EnumMap}'s key type and
 * values (its arrays are transient); an immutable collection's identity ({@code List.of},
 * {@code Map.copyOf}…: Kryo's serializers register a temporary {@code HashMap} before building it,
 * so a second reference to the same map came back as that other map) and its order.
 */
final class JdkCollections {

    private JdkCollections() {
    }

    static void registerImmutables(Kryo kryo) {
        for (List<?> list : List.of(List.of(), List.of(1), List.of(1, 2, 3))) {
            kryo.register(list.getClass(), new OfImmutableList());
        }
        for (Set<?> set : List.of(Set.of(), Set.of(1), Set.of(1, 2, 3))) {
            kryo.register(set.getClass(), new OfImmutableSet());
        }
        for (Map<?, ?> map : List.of(Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2))) {
            kryo.register(map.getClass(), new OfImmutableMap());
        }
    }

    /**
     * An immutable set's or map's elements in the order of their slots in its open-addressed table,
     * starting after an empty slot. Put back in that order, each lands in the slot it had, so the
     * rebuilt table, and the order it iterates in, is the saved one's; its keys are hashed again, so
     * a key whose hash is its identity (an enum constant) is found in a JVM where that hash changed.
     */
    private static Object[] slots(Object[] table, int width) {
        int slotsCount = table.length / width;
        int empty = 0;
        while (empty < slotsCount && table[empty * width] != null) {
            empty++;
        }
        List<Object> ordered = new ArrayList<>();
        for (int i = 1; i <= slotsCount; i++) {
            int slot = (empty + i) % slotsCount;
            if (table[slot * width] != null) {
                for (int k = 0; k < width; k++) {
                    ordered.add(table[slot * width + k]);
                }
            }
        }
        return ordered.toArray();
    }

    private static Object get(Object owner, String name) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new KryoException("cannot read " + owner.getClass().getName() + "." + name, e);
        }
    }

    /** A list's elements, and whether it allows nulls (Stream.toList's does, List.of's does not). */
    static final class OfImmutableList extends Serializer<List<Object>> {
        @Override
        public void write(Kryo kryo, Output output, List<Object> list) {
            boolean nullsAllowed = list.size() > 2 || list.isEmpty() ? (Boolean) get(list, "allowNulls") : false;
            output.writeBoolean(nullsAllowed);
            output.writeVarInt(list.size(), true);
            for (Object element : list) {
                kryo.writeClassAndObject(output, element);
            }
        }

        @Override
        public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
            boolean nullsAllowed = input.readBoolean();
            Object[] elements = new Object[input.readVarInt(true)];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = kryo.readClassAndObject(input);
            }
            return nullsAllowed ? java.util.Arrays.stream(elements).toList() : List.of(elements);
        }
    }

    static final class OfImmutableSet extends Serializer<Set<Object>> {
        @Override
        public void write(Kryo kryo, Output output, Set<Object> set) {
            Object[] elements = set.size() < 3 ? orderedSmall(set) : slots((Object[]) get(set, "elements"), 1);
            output.writeVarInt(elements.length, true);
            for (Object element : elements) {
                kryo.writeClassAndObject(output, element);
            }
        }

        /** Set12 keeps its one or two elements in fields, and iterates them in an order made from both. */
        private static Object[] orderedSmall(Set<Object> set) {
            if (set.isEmpty()) {
                return new Object[0];
            }
            Object e0 = get(set, "e0");
            Object e1 = get(set, "e1");
            return e1 == null || !set.contains(e1) ? new Object[] {e0} : new Object[] {e0, e1};
        }

        @Override
        public Set<Object> read(Kryo kryo, Input input, Class<? extends Set<Object>> type) {
            Object[] elements = new Object[input.readVarInt(true)];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = kryo.readClassAndObject(input);
            }
            return Set.of(elements);
        }
    }

    static final class OfImmutableMap extends Serializer<Map<Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, Map<Object, Object> map) {
            Object[] pairs;
            if (map.isEmpty()) {
                pairs = new Object[0];
            } else if (map.size() == 1) {
                Map.Entry<Object, Object> only = map.entrySet().iterator().next();
                pairs = new Object[] {only.getKey(), only.getValue()};
            } else {
                pairs = slots((Object[]) get(map, "table"), 2);
            }
            output.writeVarInt(pairs.length / 2, true);
            for (Object part : pairs) {
                kryo.writeClassAndObject(output, part);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
            Map.Entry<Object, Object>[] entries = new Map.Entry[input.readVarInt(true)];
            for (int i = 0; i < entries.length; i++) {
                Object key = kryo.readClassAndObject(input);
                entries[i] = Map.entry(key, kryo.readClassAndObject(input));
            }
            return Map.ofEntries(entries);
        }
    }

    /** An EnumMap: its key type, then its entries in the enum's order. */
    static final class OfEnumMap extends Serializer<EnumMap<?, ?>> {
        private static final Field KEY_TYPE = keyType();

        @Override
        public void write(Kryo kryo, Output output, EnumMap<?, ?> map) {
            try {
                kryo.writeClass(output, (Class<?>) KEY_TYPE.get(map));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new KryoException("an EnumMap's key type cannot be read", e);
            }
            output.writeVarInt(map.size(), true);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public EnumMap<?, ?> read(Kryo kryo, Input input, Class<? extends EnumMap<?, ?>> type) {
            EnumMap map = new EnumMap(kryo.readClass(input).getType());
            kryo.reference(map);
            int size = input.readVarInt(true);
            for (int i = 0; i < size; i++) {
                Object key = kryo.readClassAndObject(input);
                map.put(key, kryo.readClassAndObject(input));
            }
            return map;
        }

        private static Field keyType() {
            try {
                Field field = EnumMap.class.getDeclaredField("keyType");
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
