package org.laymanlabs.sandbox.checkpoint;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * What a class looks like to a field-by-field serializer: its fields' names and types, from the
 * class up to Object (a record's components, an enum's constants). A checkpoint lists the layout
 * of every class it wrote; one made by a build whose classes differ is refused before a byte of it
 * is read, and the session's journal is replayed instead.
 */
final class Layouts {

    private static final ClassValue<Integer> LAYOUT = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return describe(type).hashCode();
        }
    };

    private Layouts() {
    }

    static int of(Class<?> type) {
        return LAYOUT.get(type);
    }

    static String describe(Class<?> type) {
        StringBuilder layout = new StringBuilder(type.getName());
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                layout.append(' ').append(constant);
            }
            return layout.toString();
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                layout.append(' ').append(component.getName()).append(':').append(component.getGenericType().getTypeName());
            }
            return layout.toString();
        }
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            Field[] fields = level.getDeclaredFields();
            Arrays.sort(fields, (a, b) -> a.getName().compareTo(b.getName()));
            layout.append(" |").append(level.getName());
            for (Field field : fields) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    layout.append(' ').append(field.getName()).append(':').append(field.getGenericType().getTypeName());
                }
            }
        }
        return layout.toString();
    }
}
