package org.swarmtube.swarm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.catalog.channel.Identity;

/**
 * A channel's BEP 44 mutable DHT item carrying the BEP 46 value {@code {"ih": <infohash>}}: the
 * pointer from a creator's public key (and salt) to the current catalog torrent.
 *
 * <p>The signature covers salt, seq and value as BEP 44 prescribes, so anyone holding a pointer
 * can store it again on the DHT without the private key, and nobody can alter it.
 *
 * @param publicKey raw 32-byte Ed25519 public key of the channel
 * @param salt      the BEP 44 salt (possibly empty)
 * @param seq       the sequence number; a DHT node keeps the highest it has seen
 * @param value     the bencoded value, exactly as signed
 * @param signature the 64-byte Ed25519 signature
 */
public record ChannelPointer(byte[] publicKey, byte[] salt, long seq, byte[] value, byte[] signature) {
    /** BEP 44 refuses values over 1000 bytes. */
    static final int MAX_VALUE_BYTES = 1000;

    public ChannelPointer {
        publicKey = publicKey.clone();
        salt = salt.clone();
        value = value.clone();
        signature = signature.clone();
        if (publicKey.length != 32) throw new IllegalArgumentException("a public key has 32 bytes");
        if (signature.length != 64) throw new IllegalArgumentException("a signature has 64 bytes");
        if (salt.length > 64) throw new IllegalArgumentException("BEP 44 salts have at most 64 bytes");
        if (value.length > MAX_VALUE_BYTES) throw new IllegalArgumentException("BEP 44 values have at most 1000 bytes");
    }

    /** Signs a pointer to a catalog torrent. */
    public static ChannelPointer sign(Identity identity, byte[] salt, long seq, String catalogInfohash) {
        byte[] value = Bencode.encode(Map.of("ih", HexFormat.of().parseHex(Infohash.normalize(catalogInfohash))));
        return new ChannelPointer(identity.publicKey(), salt, seq, value, identity.sign(signable(salt, seq, value)));
    }

    /** The bytes BEP 44 signs: {@code 4:salt<n>:<salt>3:seqi<seq>e1:v<value>} (no salt part if empty). */
    static byte[] signable(byte[] salt, long seq, byte[] value) {
        StringBuilder prefix = new StringBuilder();
        byte[] saltPart = new byte[0];
        if (salt.length > 0) {
            byte[] head = ("4:salt" + salt.length + ":").getBytes(StandardCharsets.US_ASCII);
            saltPart = Arrays.copyOf(head, head.length + salt.length);
            System.arraycopy(salt, 0, saltPart, head.length, salt.length);
        }
        prefix.append("3:seqi").append(seq).append("e1:v");
        byte[] middle = prefix.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[saltPart.length + middle.length + value.length];
        System.arraycopy(saltPart, 0, out, 0, saltPart.length);
        System.arraycopy(middle, 0, out, saltPart.length, middle.length);
        System.arraycopy(value, 0, out, saltPart.length + middle.length, value.length);
        return out;
    }

    /** Whether the signature is the channel's. */
    public boolean verify() {
        return Identity.verify(publicKey, signable(salt, seq, value), signature);
    }

    /** The catalog torrent's infohash the value points at, if the value is a BEP 46 pointer. */
    public Optional<String> catalogInfohash() {
        try {
            if (Bencode.decode(value) instanceof Map<?, ?> map && map.get("ih") instanceof byte[] ih && ih.length == 20) {
                return Optional.of(HexFormat.of().formatHex(ih));
            }
        } catch (Bencode.MalformedException e) {
            // not a pointer
        }
        return Optional.empty();
    }

    /** The channel's public key as 64 lower-case hex digits. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelPointer p && p.seq == seq && Arrays.equals(p.publicKey, publicKey)
                && Arrays.equals(p.salt, salt) && Arrays.equals(p.value, value) && Arrays.equals(p.signature, signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey) * 31 + Long.hashCode(seq);
    }

    @Override
    public String toString() {
        return "ChannelPointer[" + publicKeyHex() + " seq " + seq + " -> " + catalogInfohash().orElse("?") + "]";
    }
}
