package org.laymanlabs.sandbox.kube.apiserver;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors the registry strategies' PrepareForUpdate and ResetFieldsStrategy
 * (pkg/registry/core/pod/strategy.go and kin): an update of the main resource keeps the stored
 * status, a status update keeps everything but the status. Go assigns the field
 * ({@code newPod.Status = oldPod.Status}); so does this, by reference, on shallow copies, instead
 * of rebuilding whole objects through JSON trees: the object is only validated and encoded for
 * etcd, never changed below its top level, and readers get what the watch cache decodes.
 */
final class ResetFields {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private ResetFields() {
    }

    /**
     * A new object whose top-level fields are {@code object}'s; a null field keeps the type's
     * default (a Pod's kind is "Pod"), as decoding the object's JSON, which omits nulls, would.
     */
    static <T> T shallowCopy(T object) {
        Shape shape = SHAPES.get(object.getClass());
        T copy = shape.instantiate();
        for (Property property : shape.properties()) {
            Object value = property.get(object);
            if (value != null) {
                property.set(copy, value);
            }
        }
        return copy;
    }

    /** A shallow copy with its own metadata (also shallow), so that the copy's metadata can be set. */
    static <T extends HasMetadata> T withOwnMetadata(T object) {
        T copy = shallowCopy(object);
        if (object.getMetadata() != null) {
            copy.setMetadata(shallowCopy(object.getMetadata()));
        }
        return copy;
    }

    /** {@code target}'s status becomes {@code source}'s (none: the type's default, as decoding would leave it). */
    static void copyStatus(HasMetadata source, HasMetadata target) {
        Shape shape = SHAPES.get(target.getClass());
        if (shape.status() == null) {
            return;
        }
        Object status = shape.status().get(source);
        shape.status().set(target, status != null ? status : shape.status().get(shape.instantiate()));
    }

    /** The object's spec, or null for a kind without one (a ConfigMap). */
    static Object spec(HasMetadata object) {
        Property spec = SHAPES.get(object.getClass()).spec();
        return spec == null ? null : spec.get(object);
    }

    /** A bean property of a fabric8 type: a public getter with its matching setter. */
    private record Property(String name, Method getter, Method setter) {

        Object get(Object bean) {
            try {
                return getter.invoke(bean);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }

        void set(Object bean, Object value) {
            try {
                setter.invoke(bean, value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A type's no-argument constructor and its read-write properties (additionalProperties included). */
    private record Shape(Constructor<?> constructor, List<Property> properties, Property spec, Property status) {

        static Shape of(Class<?> type) {
            List<Property> properties = new ArrayList<>();
            for (Method getter : type.getMethods()) {
                String name = getter.getName();
                if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0 || !name.startsWith("get")
                        || name.equals("getClass") || getter.isBridge()) {
                    continue;
                }
                try {
                    Method setter = type.getMethod("set" + name.substring(3), getter.getReturnType());
                    properties.add(new Property(name.substring(3), getter, setter));
                } catch (NoSuchMethodException readOnly) {
                    // Not a field of the object (e.g. HasMetadata's derived getters).
                }
            }
            try {
                return new Shape(type.getConstructor(), List.copyOf(properties), named(properties, "Spec"),
                        named(properties, "Status"));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no no-argument constructor", e);
            }
        }

        private static Property named(List<Property> properties, String name) {
            return properties.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        }

        @SuppressWarnings("unchecked")
        <T> T instantiate() {
            try {
                return (T) constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
