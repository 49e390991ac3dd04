package org.swarmtube.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where a running node's control API listens and its per-run secret: {@code control.json} in the
 * data directory, readable by the owner only.
 *
 * @param port  the loopback port
 * @param token the secret every request must carry
 * @param pid   the node's process id
 */
record ControlEndpoint(int port, String token, long pid) {

    static Optional<ControlEndpoint> read(Home home) {
        Path file = home.controlFile();
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), ControlEndpoint.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(Home home) throws IOException {
        Path tmp = home.controlFile().resolveSibling("control.json.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, Json.MAPPER.writeValueAsBytes(this));
        Files.move(tmp, home.controlFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Home home, ControlEndpoint mine) {
        // only remove our own file: another node may have replaced it since
        read(home).filter(mine::equals).ifPresent(e -> {
            try {
                Files.deleteIfExists(home.controlFile());
            } catch (IOException ignored) {
                // a stale file is recognised by its dead pid
            }
        });
    }

    boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
