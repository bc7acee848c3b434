package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JDK collections whose own serializers in Kryo lose something: an {@link EnumMap}'s key type and
 * values (its arrays are transient), and the identity of an immutable collection ({@code List.of},
 * {@code Map.copyOf}…), which Kryo's serializers register as a temporary {@code HashMap} before
 * building it, so that a second reference to the same map came back as that other map.
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

    /** Elements first, then the list: an immutable list refers to nothing that refers back to it before it exists. */
    static final class OfImmutableList extends Serializer<List<Object>> {
        @Override
        public void write(Kryo kryo, Output output, List<Object> list) {
            output.writeVarInt(list.size(), true);
            for (Object element : list) {
                kryo.writeClassAndObject(output, element);
            }
        }

        @Override
        public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
            int size = input.readVarInt(true);
            List<Object> elements = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                elements.add(kryo.readClassAndObject(input));
            }
            // List.of keeps nulls out as List.copyOf does; the saved list had none.
            return List.copyOf(elements);
        }
    }

    static final class OfImmutableSet extends Serializer<Set<Object>> {
        @Override
        public void write(Kryo kryo, Output output, Set<Object> set) {
            output.writeVarInt(set.size(), true);
            for (Object element : set) {
                kryo.writeClassAndObject(output, element);
            }
        }

        @Override
        public Set<Object> read(Kryo kryo, Input input, Class<? extends Set<Object>> type) {
            int size = input.readVarInt(true);
            List<Object> elements = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                elements.add(kryo.readClassAndObject(input));
            }
            return Set.copyOf(elements);
        }
    }

    static final class OfImmutableMap extends Serializer<Map<Object, Object>> {
        @Override
        public void write(Kryo kryo, Output output, Map<Object, Object> map) {
            output.writeVarInt(map.size(), true);
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
        }

        @Override
        public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
            int size = input.readVarInt(true);
            Map<Object, Object> entries = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                Object key = kryo.readClassAndObject(input);
                entries.put(key, kryo.readClassAndObject(input));
            }
            return Map.copyOf(entries);
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
