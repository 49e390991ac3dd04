package org.swarmtube.swarm;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Copies a native buffer into a Java array. libtorrent4j hands a read piece over as a raw
 * pointer into the alert, valid only until the next alert poll, and offers no accessor for it.
 */
final class NativeMemory {
    private static final Unsafe UNSAFE = unsafe();

    private NativeMemory() {
    }

    static byte[] copy(long address, int size) {
        byte[] out = new byte[size];
        UNSAFE.copyMemory(null, address, out, Unsafe.ARRAY_BYTE_BASE_OFFSET, size);
        return out;
    }

    private static Unsafe unsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
