package org.swarmtube.catalog.channel;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A creator's Ed25519 identity: the key that signs the channel's catalog and its BEP 44 DHT item.
 * The public key (32 raw bytes, 64 hex digits) is the channel's address.
 *
 * <h2>The identity file</h2>
 * The node's own key file and an export are the same text: one line of JSON, UTF-8,
 * <pre>{"format":"swarmtube-identity","publicKey":"&lt;64 hex&gt;","seed":"&lt;64 hex&gt;","version":1}</pre>
 * where {@code seed} is the 32-byte Ed25519 secret seed (RFC 8032 "private key") and
 * {@code publicKey} the public key derived from it; reading checks that the two agree. Whoever
 * holds the seed can publish as the channel, so the file is written readable by its owner only
 * ({@code rw-------}) and a key file others may read is refused.
 *
 * <p>To publish from a second machine: {@link #exportTo(Path)} on the first, carry the file over,
 * {@link #importFrom(Path)} and then {@link #exportTo(Path)} it as that node's key file. Both
 * machines then sign as one channel; they must not publish at the same time (each would build on
 * the catalog it last saw).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the public key only.
 */
public final class Identity {
    private static final Logger LOG = LoggerFactory.getLogger(Identity.class);
    private final byte[] publicKey;
    private final PrivateKey privateKey;

    private Identity(byte[] publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** A new identity from the JDK's strong random source. */
    public static Identity generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new Identity(Ed25519.rawPublicKey(pair.getPublic()), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IdentityException("this Java runtime cannot make Ed25519 keys: " + e.getMessage(), e);
        }
    }

    /**
     * The identity with this 32-byte secret seed (RFC 8032's "private key").
     *
     * @throws IdentityException if the seed is not 32 bytes
     */
    public static Identity fromSeed(byte[] seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.length != Ed25519.SEED_BYTES) {
            throw new IdentityException("an identity seed has 32 bytes, not " + seed.length);
        }
        try {
            KeyPair pair = Ed25519.keyPair(seed);
            return new Identity(Ed25519.rawPublicKey(pair.getPublic()), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IdentityException("cannot make an Ed25519 key from the seed: " + e.getMessage(), e);
        }
    }

    /**
     * The node's identity: read from {@code keyFile}, or made and saved there on first start.
     *
     * @throws IdentityException if the file exists but is unreadable, damaged or readable by others,
     *                           or cannot be created
     */
    public static Identity loadOrCreate(Path keyFile) {
        if (Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS)) return load(keyFile);
        Identity fresh = generate();
        try {
            KeyFile.createOwnerOnly(keyFile, fresh.keyFileBytes());
        } catch (FileAlreadyExistsException e) {
            return load(keyFile); // another process made it first: use that one, never replace it
        } catch (IOException e) {
            throw new IdentityException("cannot create the identity file " + keyFile + ": " + e.getMessage(), e);
        }
        LOG.info("Created a new channel identity {} in {}", fresh.publicKeyHex(), keyFile);
        return fresh;
    }

    /**
     * Reads the node's key file.
     *
     * @throws IdentityException if it is missing, damaged, or group/other users may read or write it
     */
    public static Identity load(Path keyFile) {
        return KeyFile.parse(KeyFile.readOwnerOnly(keyFile), keyFile);
    }

    /**
     * Reads an exported identity. Unlike {@link #load(Path)} this does not insist on owner-only
     * permissions, since an export may sit on a removable drive that has none; save the result with
     * {@link #exportTo(Path)} to make it this node's key file.
     *
     * @throws IdentityException if the file is missing, not an identity file, or damaged
     */
    public static Identity importFrom(Path file) {
        return KeyFile.parse(KeyFile.readLimited(file), file);
    }

    /**
     * Writes this identity to a new file in the format above, readable and writable by the owner
     * only, atomically (a crash leaves no file or a whole one). Used for exports and to install an
     * imported identity as the node's key file.
     *
     * @throws IdentityException if the file exists (it is never overwritten) or cannot be written
     */
    public void exportTo(Path file) {
        try {
            KeyFile.createOwnerOnly(file, keyFileBytes());
        } catch (FileAlreadyExistsException e) {
            throw new IdentityException("will not overwrite " + file + ": it may hold another identity's key", e);
        } catch (IOException e) {
            throw new IdentityException("cannot write the identity to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The raw 32-byte public key (a copy), as BEP 44 puts it in the {@code k} field. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as 64 lower-case hex digits, as in a channel link. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    /** The 64-byte Ed25519 signature (RFC 8032, deterministic) of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            return Ed25519.sign(privateKey, message);
        } catch (GeneralSecurityException e) {
            throw new IdentityException("cannot sign with the identity: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code publicKey}.
     * Any malformed input (wrong lengths, a key that is not a curve point) gives false: the inputs
     * usually come from peers.
     *
     * @param publicKey raw 32-byte public key
     * @param message   the signed bytes
     * @param signature raw 64-byte signature
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return Ed25519.verify(publicKey, message, signature);
    }

    private byte[] keyFileBytes() {
        byte[] seed = Ed25519.seed(privateKey);
        try {
            return KeyFile.format(seed, publicKey);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identity other && Arrays.equals(other.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Identity[" + publicKeyHex() + "]";
    }
}
