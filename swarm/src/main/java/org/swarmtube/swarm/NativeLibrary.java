package org.swarmtube.swarm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes libtorrent4j's JNI library loadable. The jar ships {@code lib/x86_64/libtorrent4j.so}
 * but never extracts it, so it is copied to a private directory once per process and announced
 * through the {@code libtorrent4j.jni.path} property before any libtorrent4j class is touched.
 */
final class NativeLibrary {
    private static final String RESOURCE = "lib/x86_64/libtorrent4j.so";
    private static final String PROPERTY = "libtorrent4j.jni.path";
    private static boolean loaded;

    private NativeLibrary() {
    }

    static synchronized void ensureLoaded() {
        if (loaded) return;
        String preset = System.getProperty(PROPERTY);
        if (preset == null || !Files.isReadable(Path.of(preset))) {
            System.setProperty(PROPERTY, extract().toString());
        }
        loaded = true;
    }

    private static Path extract() {
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SwarmException("the BitTorrent engine's native library (" + RESOURCE
                        + ") is not on the class path; only Linux x86_64 is supported");
            }
            Path dir = Files.createTempDirectory("swarmtube-native-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path target = dir.resolve("libtorrent4j.so");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return target;
        } catch (IOException e) {
            throw new SwarmException("cannot unpack the BitTorrent engine's native library: " + e.getMessage(), e);
        }
    }
}
