package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * A lambda or method reference the sandbox keeps (a timer's task, an informer's handler), written
 * as the {@link SerializedLambda} the compiler prepared for it: the method it runs and the values it
 * captured. Only a lambda whose target type is {@link Serializable} has one; any other is refused
 * with its class, which names the code that made it.
 *
 * <p>Kryo's own ClosureSerializer does the same through {@code SerializedLambda}'s private
 * readResolve, which Java 17 closes to us; the capturing class's {@code $deserializeLambda$} is ours
 * to call.
 */
final class LambdaSerializer extends Serializer<Object> {

    /** When not null, a survey ({@link Checkpoints#survey}): unserializable lambdas are noted here and walked through. */
    private final java.util.Set<String> offenders;

    LambdaSerializer(java.util.Set<String> offenders) {
        this.offenders = offenders;
    }

    @Override
    public void write(Kryo kryo, Output output, Object lambda) {
        if (offenders != null && !(lambda instanceof Serializable)) {
            offenders.add(lambda.getClass().getName().replaceAll("\\$\\$Lambda.*", "") + " as "
                    + Arrays.toString(lambda.getClass().getInterfaces()));
            walkCaptured(kryo, output, lambda);
            return;
        }
        SerializedLambda form = serializedForm(lambda);
        output.writeString(form.getCapturingClass());
        output.writeString(form.getFunctionalInterfaceClass());
        output.writeString(form.getFunctionalInterfaceMethodName());
        output.writeString(form.getFunctionalInterfaceMethodSignature());
        output.writeVarInt(form.getImplMethodKind(), true);
        output.writeString(form.getImplClass());
        output.writeString(form.getImplMethodName());
        output.writeString(form.getImplMethodSignature());
        output.writeString(form.getInstantiatedMethodType());
        output.writeVarInt(form.getCapturedArgCount(), true);
        for (int i = 0; i < form.getCapturedArgCount(); i++) {
            kryo.writeClassAndObject(output, form.getCapturedArg(i));
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<?> type) {
        String capturing = input.readString();
        String functionalInterface = input.readString();
        String interfaceMethod = input.readString();
        String interfaceSignature = input.readString();
        int kind = input.readVarInt(true);
        String implClass = input.readString();
        String implMethod = input.readString();
        String implSignature = input.readString();
        String instantiated = input.readString();
        Object[] captured = new Object[input.readVarInt(true)];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = kryo.readClassAndObject(input);
        }
        try {
            Class<?> capturingClass = Class.forName(capturing.replace('/', '.'), false, kryo.getClassLoader());
            SerializedLambda form = new SerializedLambda(capturingClass, functionalInterface, interfaceMethod,
                    interfaceSignature, kind, implClass, implMethod, implSignature, instantiated, captured);
            Method deserialize = capturingClass.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            deserialize.setAccessible(true);
            return deserialize.invoke(null, form);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The lambda is gone or changed in this build: the checkpoint is from another one.
            throw new KryoException("lambda " + implClass + "::" + implMethod + " could not be made again ("
                    + (e.getCause() != null ? e.getCause() : e) + ")", e);
        }
    }

    private static void walkCaptured(Kryo kryo, Output output, Object lambda) {
        for (java.lang.reflect.Field captured : lambda.getClass().getDeclaredFields()) {
            try {
                captured.setAccessible(true);
                kryo.writeClassAndObject(output, captured.get(lambda));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // A survey goes on past what it cannot reach.
            }
        }
    }

    /** The values a serializable lambda captured. */
    static Object[] captured(Object lambda) {
        SerializedLambda form = serializedForm(lambda);
        Object[] values = new Object[form.getCapturedArgCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = form.getCapturedArg(i);
        }
        return values;
    }

    private static SerializedLambda serializedForm(Object lambda) {
        if (!(lambda instanceof Serializable)) {
            throw new KryoException("a lambda that is not serializable: " + lambda.getClass().getName().replaceAll("/0x.*", "")
                    + " implementing " + Arrays.toString(lambda.getClass().getInterfaces())
                    + "; make its target type Serializable or use a named class");
        }
        try {
            Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(lambda);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new KryoException("cannot read the lambda " + lambda.getClass().getName(), e);
        }
    }
}
