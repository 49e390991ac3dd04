package org.swarmtube.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.swarmtube.catalog.channel.Identity;

/**
 * Exports the channel's identity (its private key) and imports one in its place. A running node
 * keeps signing with the identity it started with: an import takes effect at the next start, and
 * the replaced key is kept beside it in the data directory, so a channel is never lost by mistake.
 */
public final class IdentityTransfer {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private IdentityTransfer() {
    }

    /**
     * What an import did.
     *
     * @param publicKeyHex the imported channel's key
     * @param changed      false if it already was the data directory's identity
     * @param previous     where the replaced key file was kept, if there was one
     */
    public record Imported(String publicKeyHex, boolean changed, Optional<Path> previous) {
    }

    /**
     * Writes the data directory's identity to {@code file} (a new file, owner-only).
     *
     * @return the channel's public key
     * @throws org.swarmtube.catalog.channel.IdentityException if there is no identity or the file exists
     */
    public static String exportTo(Home home, Path file) {
        Identity identity = Identity.load(home.identityFile());
        identity.exportTo(file);
        return identity.publicKeyHex();
    }

    /** The public key of the identity the next start will use. */
    public static Optional<String> onDisk(Home home) {
        if (!Files.exists(home.identityFile())) return Optional.empty();
        return Optional.of(Identity.load(home.identityFile()).publicKeyHex());
    }

    /**
     * Makes the identity in {@code file} the data directory's, for the next start. The key file it
     * replaces is kept as {@code identity-<key>-replaced-<time>.json}.
     *
     * @throws org.swarmtube.catalog.channel.IdentityException if {@code file} is not an identity
     */
    public static Imported importFrom(Home home, Path file) {
        Identity imported = Identity.importFrom(file);
        Path keyFile = home.identityFile();
        Optional<String> current = onDisk(home);
        if (current.isPresent() && current.get().equals(imported.publicKeyHex())) {
            return new Imported(imported.publicKeyHex(), false, Optional.empty());
        }
        Path staged = keyFile.resolveSibling("identity.json.importing");
        try {
            Files.deleteIfExists(staged);
            imported.exportTo(staged);
            Path previous = null;
            if (current.isPresent()) {
                previous = keyFile.resolveSibling("identity-" + current.get().substring(0, 16) + "-replaced-"
                        + LocalDateTime.now().format(STAMP) + ".json");
                Files.createLink(previous, keyFile);
            }
            Files.move(staged, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Imported(imported.publicKeyHex(), true, Optional.ofNullable(previous));
        } catch (IOException e) {
            throw new IllegalStateException("cannot install the identity in " + keyFile + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ignored) {
                // a stale staging file is replaced by the next import
            }
        }
    }
}
