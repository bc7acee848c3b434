package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory.FieldSerializerFactory;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Kryo set up for a sandbox's object graph: every object field by field, references kept (the graph
 * is full of shared and cyclic references), no registration (the classes are whatever the sandbox
 * holds), and the few kinds of object that need more care than their fields given their own
 * serializer. One per thread: Kryo is not thread-safe, and sandboxes are saved on their actors'.
 */
final class GraphKryo extends Kryo {

    /** The classes written by name in the graph being written: the layouts a checkpoint depends on. */
    private final Set<Class<?>> written = new LinkedHashSet<>();
    /** The lambdas whose captured values are being written ahead of them. */
    private final Set<Object> capturing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final int capturedFirstId;
    /** Not null in a survey: see {@link LambdaSerializer}. */
    private final Set<String> offenders;
    /** The records being written, for {@link SharedReferences#getWrittenId}. */
    private final Set<Object> recordsInProgress = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    GraphKryo(SharedObjects shared) {
        this(shared, null, null);
    }

    /**
     * {@code met}, when not null, receives every object written (how {@link SharedObjects} are
     * found); {@code offenders}, when not null, every lambda that is not serializable, walked through
     * instead of refused.
     */
    GraphKryo(SharedObjects shared, java.util.List<Object> met, Set<String> offenders) {
        super(new LayoutRecorder(), new SharedReferences(shared, met));
        this.offenders = offenders;
        ((LayoutRecorder) getClassResolver()).written = written;
        ((SharedReferences) getReferenceResolver()).recordsInProgress(recordsInProgress);
        // Everything an object holds is its state: an inner class's outer instance too.
        FieldSerializerFactory fields = new FieldSerializerFactory();
        fields.getConfig().setIgnoreSyntheticFields(false);
        fields.getConfig().setSerializeTransient(true);
        setDefaultSerializer(fields);
        setRegistrationRequired(false);
        setReferences(true);
        setWarnUnregisteredClasses(false);
        // A no-argument constructor where there is one (collections need theirs), else none at all:
        // a restored object is its fields, not what a constructor would make of them.
        setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        register(ClosureSerializer.Closure.class, new LambdaSerializer(offenders));
        capturedFirstId = register(CapturedFirst.class, new CapturedFirst()).getId();
        register(HashMap.class, new HashTableSerializers.OfMap());
        register(HashSet.class, new HashTableSerializers.OfSet());
        register(CompletableFuture.class, new InFlight());
        register(java.util.EnumMap.class, new JdkCollections.OfEnumMap());
        JdkCollections.registerImmutables(this);
    }

    Set<Class<?>> written() {
        return written;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Serializer getDefaultSerializer(Class type) {
        String name = type.getName();
        if (name.startsWith("java.lang.Thread") || name.startsWith("java.util.concurrent.Executor")
                || name.startsWith("com.fasterxml.jackson.")) {
            throw new KryoException("a " + name + " is not part of a sandbox's state; keep it out of the sandbox's objects");
        }
        Serializer serializer = super.getDefaultSerializer(type);
        if (name.startsWith("java.") && (serializer.getClass() == MapSerializer.class || serializer.getClass() == CollectionSerializer.class)
                && !hasPublicNoArgConstructor(type)) {
            // An unmodifiable view or a fixed-size list: no public way to fill one, so its fields,
            // which also keeps a view sharing the collection it wraps.
            serializer = new FieldSerializer<>(this, type);
        }
        if (type.isRecord()) {
            serializer = new RecordInProgress(serializer, recordsInProgress);
        }
        return Constants.around(serializer, type);
    }

    /**
     * Notes a record while its components are written. A record is made from its components, so
     * one that a component refers back to (a socket's listener record whose handler's process lists
     * that listener) could not be read: the reference would come before the record exists. Such a
     * reference is written as a second record of the same value instead (see SharedReferences);
     * records are values, so two equal ones serve as one did.
     */
    private static final class RecordInProgress extends Serializer<Object> {
        private final Serializer<Object> record;
        private final Set<Object> inProgress;

        @SuppressWarnings("unchecked")
        RecordInProgress(Serializer<?> record, Set<Object> inProgress) {
            this.record = (Serializer<Object>) record;
            this.inProgress = inProgress;
        }

        @Override
        public void write(Kryo kryo, Output output, Object object) {
            boolean outermost = inProgress.add(object);
            try {
                record.write(kryo, output, object);
            } finally {
                if (outermost) {
                    inProgress.remove(object);
                }
            }
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            return record.read(kryo, input, type);
        }
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * A lambda is made from what it captured, so it cannot be referred to before those are read; yet
     * what it captured may refer back to it (a command's clock observer captures the command, which
     * keeps the observer's registration, which holds the observer). Before a lambda's first
     * appearance its captured values are therefore written first, marked by {@link CapturedFirst}:
     * read first, they exist (an object is made before its fields) before the lambda is made, and
     * any way back to it inside them meets the lambda itself, written there in full.
     */
    @Override
    public void writeClassAndObject(Output output, Object object) {
        if (object != null && needsCapturedFirst(object)) {
            writeClass(output, CapturedFirst.class);
            writeCaptured(output, object);
        }
        super.writeClassAndObject(output, object);
    }

    @Override
    public Object readClassAndObject(Input input) {
        // Peeked as the raw number Kryo writes for a registered class (its id + 2), not through the
        // class resolver, which remembers a class name once read and would not read it again.
        int at = input.position();
        if (input.readVarInt(true) == capturedFirstId + 2) {
            readCaptured(input);
        } else {
            input.setPosition(at);
        }
        return super.readClassAndObject(input);
    }

    /** A field's lambda: its class is already written, so a flag says whether its captured values come first. */
    @Override
    public void writeObject(Output output, Object object, Serializer serializer) {
        if (offenders == null && isClosure(object.getClass())) {
            boolean first = needsCapturedFirst(object);
            output.writeBoolean(first);
            if (first) {
                writeCaptured(output, object);
            }
        }
        super.writeObject(output, object, serializer);
    }

    @Override
    public <T> T readObject(Input input, Class<T> type, Serializer serializer) {
        if (type == ClosureSerializer.Closure.class && input.readBoolean()) {
            readCaptured(input);
        }
        return super.readObject(input, type, serializer);
    }

    private boolean needsCapturedFirst(Object object) {
        return offenders == null && isClosure(object.getClass()) && getReferenceResolver().getWrittenId(object) < 0
                && !capturing.contains(object);
    }

    private void writeCaptured(Output output, Object lambda) {
        capturing.add(lambda);
        try {
            Object[] captured = LambdaSerializer.captured(lambda);
            output.writeVarInt(captured.length, true);
            for (Object value : captured) {
                writeClassAndObject(output, value);
            }
        } finally {
            capturing.remove(lambda);
        }
    }

    private void readCaptured(Input input) {
        int count = input.readVarInt(true);
        for (int i = 0; i < count; i++) {
            readClassAndObject(input);
        }
    }

    /** The mark before a lambda's captured values written ahead of it; never an object of the graph. */
    private static final class CapturedFirst extends Serializer<Object> {
        @Override
        public void write(Kryo kryo, Output output, Object object) {
            throw new UnsupportedOperationException("a mark, not an object");
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<?> type) {
            throw new UnsupportedOperationException("a mark, not an object");
        }
    }

    @Override
    public boolean isClosure(Class type) {
        return type.isSynthetic() && type.isHidden();
    }

    /** Notes each class written by name; see {@link Checkpoints} for how the notes are checked. */
    private static final class LayoutRecorder extends DefaultClassResolver {
        private Set<Class<?>> written;

        @Override
        protected void writeName(Output output, Class type, Registration registration) {
            written.add(type);
            super.writeName(output, type, registration);
        }

    }

    /**
     * A future is work in flight (an etcd request waiting for its commit): its callbacks are the
     * JDK's, not data. A checkpoint waits for a moment without one; a completed future with nobody
     * waiting on it is only its value.
     */
    /** Thrown while writing a future that is not over: see {@link CheckpointRefused#workInFlight()}. */
    static final class WorkInFlight extends KryoException {
        WorkInFlight() {
            super("work in flight (a request waiting for its answer); checkpoint at a quieter moment");
        }
    }

    private static final class InFlight extends Serializer<CompletableFuture<Object>> {
        @Override
        public void write(Kryo kryo, Output output, CompletableFuture<Object> future) {
            if (!future.isDone() || future.getNumberOfDependents() > 0 || future.isCompletedExceptionally()) {
                throw new WorkInFlight();
            }
            kryo.writeClassAndObject(output, future.join());
        }

        @Override
        public CompletableFuture<Object> read(Kryo kryo, Input input, Class<? extends CompletableFuture<Object>> type) {
            return CompletableFuture.completedFuture(kryo.readClassAndObject(input));
        }
    }
}
