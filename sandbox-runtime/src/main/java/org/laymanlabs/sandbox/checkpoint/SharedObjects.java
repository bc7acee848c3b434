package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.io.Output;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.image.catalog.Catalog;

/**
 * The objects every sandbox of this JVM shares and none may change: the image catalog, with its
 * manifests, layers and files. A checkpoint refers to them by number instead of carrying them
 * (most of a fresh sandbox's pulled images), and a restored sandbox gets this JVM's own. The
 * numbers are the order in which writing the catalog meets them, the same in every JVM of a build.
 */
final class SharedObjects {

    private static final class Holder {
        static final SharedObjects CATALOG = walk(Catalog.shared());
    }

    private final List<Object> objects;
    private final Map<Object, Integer> ids = new IdentityHashMap<>();

    private SharedObjects(List<Object> objects) {
        this.objects = objects;
        for (int i = 0; i < objects.size(); i++) {
            ids.putIfAbsent(objects.get(i), i);
        }
    }

    static SharedObjects catalog() {
        return Holder.CATALOG;
    }

    static SharedObjects none() {
        return new SharedObjects(List.of());
    }

    int size() {
        return objects.size();
    }

    /** The object's number, or -1 when it is the sandbox's own. */
    int idOf(Object object) {
        Integer id = ids.get(object);
        return id == null ? -1 : id;
    }

    Object get(int id) {
        return objects.get(id);
    }

    private static SharedObjects walk(Object root) {
        List<Object> met = new ArrayList<>();
        GraphKryo kryo = new GraphKryo(none(), met, new java.util.TreeSet<>());
        try (Output sink = new Output(OutputStream.nullOutputStream())) {
            kryo.writeClassAndObject(sink, root);
        }
        return new SharedObjects(met);
    }
}
