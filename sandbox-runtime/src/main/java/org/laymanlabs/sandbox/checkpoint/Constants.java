package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class's own constants ({@code IpMatch.ANY}, {@code Codec.shared()}'s instance) written as the
 * name of the constant, so that a restored sandbox holds the very same instance: code may compare
 * against it with {@code ==}, and a shared codec or catalog is one per JVM, not one per sandbox.
 * Other instances of the class go to the class's own serializer.
 */
final class Constants extends Serializer<Object> {

    private final Serializer<Object> instances;
    private final List<Object> values;
    private final Map<Object, Integer> index = new IdentityHashMap<>();

    private Constants(Serializer<Object> instances, List<Object> values) {
        this.instances = instances;
        this.values = values;
        for (int i = 0; i < values.size(); i++) {
            index.putIfAbsent(values.get(i), i);
        }
    }

    /** The serializer for {@code type}: {@code instances} itself when the class declares no constant of its own type. */
    static Serializer<?> around(Serializer<?> instances, Class<?> type) {
        List<Object> values = constantsOf(type);
        @SuppressWarnings("unchecked")
        Serializer<Object> plain = (Serializer<Object>) instances;
        return values.isEmpty() ? instances : new Constants(plain, values);
    }

    /** In declaration order, which javac keeps: the same list in the JVM that saves and the one that restores. */
    private static List<Object> constantsOf(Class<?> type) {
        List<Object> values = new ArrayList<>();
        if (type.isEnum() || type.getName().startsWith("java.")) {
            return values;
        }
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && type.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    Object value = field.get(null);
                    if (value != null) {
                        values.add(value);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Not readable: its instances are written like any other.
                }
            }
        }
        return values;
    }

    @Override
    public void write(Kryo kryo, Output output, Object object) {
        Integer constant = index.get(object);
        if (constant != null) {
            output.writeVarInt(constant + 1, true);
        } else {
            output.writeVarInt(0, true);
            instances.write(kryo, output, object);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        int constant = input.readVarInt(true);
        return constant == 0 ? instances.read(kryo, input, type) : values.get(constant - 1);
    }
}
