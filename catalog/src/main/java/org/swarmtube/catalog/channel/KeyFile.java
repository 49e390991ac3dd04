package org.swarmtube.catalog.channel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity file: its text format, and writing and reading it so that only the owner can.
 * The format is documented on {@link Identity}.
 */
final class KeyFile {
    static final String FORMAT = "swarmtube-identity";
    static final int VERSION = 1;
    /** A key file is ~170 bytes; anything much larger is not one, and is not read into memory. */
    static final int MAX_BYTES = 4096;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES).maxNestingDepth(2).maxStringLength(256).build())
            .build());

    private KeyFile() {
    }

    /** The file's content for a seed and its public key: one line of JSON, keys sorted. */
    static byte[] format(byte[] seed, byte[] publicKey) {
        HexFormat hex = HexFormat.of();
        return ("{\"format\":\"" + FORMAT + "\",\"publicKey\":\"" + hex.formatHex(publicKey)
                + "\",\"seed\":\"" + hex.formatHex(seed) + "\",\"version\":" + VERSION + "}\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses a key file's content and checks that the seed gives the public key written beside it,
     * which catches a damaged or hand-edited file before it signs anything.
     */
    static Identity parse(byte[] content, Path source) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IdentityException(source + " is not an identity file (not valid JSON): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IdentityException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new IdentityException(source + " is not an identity file (no \"format\":\"" + FORMAT + "\")");
        }
        if (!root.path("version").isInt() || root.path("version").intValue() != VERSION) {
            throw new IdentityException(source + " is an identity file of version " + root.path("version")
                    + "; this Swarmtube reads version " + VERSION + " only");
        }
        String seedHex = root.path("seed").asText("");
        String publicHex = root.path("publicKey").asText("");
        if (!HEX64.matcher(seedHex).matches()) {
            throw new IdentityException(source + " is damaged: \"seed\" must be 64 lower-case hex digits");
        }
        if (!HEX64.matcher(publicHex).matches()) {
            throw new IdentityException(source + " is damaged: \"publicKey\" must be 64 lower-case hex digits");
        }
        Identity identity = Identity.fromSeed(HexFormat.of().parseHex(seedHex));
        if (!identity.publicKeyHex().equals(publicHex)) {
            throw new IdentityException(source + " is damaged: its seed does not give its public key " + publicHex);
        }
        return identity;
    }

    /**
     * Creates {@code file} holding {@code content}, readable and writable by the owner only.
     * The bytes go to a temporary file created with those permissions (so they are never readable
     * by others, whatever the umask), are flushed to disk, and the finished file is then linked
     * into place: a crash leaves either no key file or a whole one, and an existing file is never
     * replaced, because losing a private key loses the channel.
     *
     * @throws FileAlreadyExistsException if the file exists
     */
    static void createOwnerOnly(Path file, byte[] content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(target.toString());
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), ".identity-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            throw new IOException(target.getParent() + " is not on a POSIX file system, so a key file"
                    + " readable by its owner only cannot be made there");
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            try {
                Files.createLink(target, temp); // atomic, and fails instead of replacing
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here: a rename is still atomic, the existence check above guards replacing
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a key file after checking that no one but its owner may read or write it; a private
     * key others could have copied must not sign for the channel without the owner noticing.
     */
    static byte[] readOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new IdentityException("there is no identity file " + file, e);
        } catch (UnsupportedOperationException e) {
            throw new IdentityException("cannot check who may read " + file + ": not a POSIX file system", e);
        } catch (IOException e) {
            throw new IdentityException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new IdentityException("refusing to use the identity file " + file + ": other users may access it"
                    + " (permissions " + PosixFilePermissions.toString(permissions) + "); a private key others"
                    + " could have copied must not sign for your channel. If only you can have read it,"
                    + " run: chmod 600 '" + file + "'");
        }
        return readLimited(file);
    }

    /** Reads a file of at most {@link #MAX_BYTES}, checking the size before reading. */
    static byte[] readLimited(Path file) {
        try {
            if (!Files.exists(file)) throw new IdentityException("there is no identity file " + file);
            if (!Files.isRegularFile(file)) throw new IdentityException(file + " is not a regular file");
            if (Files.size(file) > MAX_BYTES) {
                throw new IdentityException(file + " is too large to be an identity file (over " + MAX_BYTES + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IdentityException("there is no identity file " + file, e);
        } catch (IOException e) {
            throw new IdentityException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
