package org.swarmtube.catalog.channel;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Conversions between the JDK's Ed25519 keys and the raw forms BEP 44 uses: a 32-byte public key,
 * a 32-byte secret seed and a 64-byte signature.
 *
 * <p>The JDK speaks X.509 ({@code SubjectPublicKeyInfo}) and PKCS#8. For Ed25519 both encodings are
 * a fixed DER prefix followed by the raw 32 bytes (RFC 8410), so the conversion is a prefix check
 * and a copy; anything else is refused rather than guessed at.
 */
final class Ed25519 {
    static final int PUBLIC_KEY_BYTES = 32;
    static final int SEED_BYTES = 32;
    static final int SIGNATURE_BYTES = 64;

    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, 0 unused bits) }. */
    private static final byte[] X509_PREFIX = {
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }. */
    private static final byte[] PKCS8_PREFIX = {
            0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};

    private Ed25519() {
    }

    /** The raw 32-byte public key inside a JDK public key: the last 32 bytes of its X.509 form. */
    static byte[] rawPublicKey(PublicKey key) {
        return stripPrefix(key.getEncoded(), X509_PREFIX, "X.509 Ed25519 public key");
    }

    /** The 32-byte seed inside a JDK private key: the last 32 bytes of its PKCS#8 form. */
    static byte[] seed(PrivateKey key) {
        return stripPrefix(key.getEncoded(), PKCS8_PREFIX, "PKCS#8 Ed25519 private key");
    }

    /** A JDK public key for raw bytes; does not check that the point is on the curve (verify does). */
    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        if (raw.length != PUBLIC_KEY_BYTES) {
            throw new GeneralSecurityException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    /**
     * The key pair for a seed. The JDK has no public "seed to public key" call; its key pair
     * generator draws exactly the seed from the random source it is given, so it is handed a
     * source that returns the seed. Because that relies on how the provider uses the source, the
     * result is checked: the private key must carry the seed back.
     */
    static KeyPair keyPair(byte[] seed) throws GeneralSecurityException {
        if (seed.length != SEED_BYTES) {
            throw new GeneralSecurityException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        try {
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
        } catch (InvalidAlgorithmParameterException e) {
            throw new GeneralSecurityException("the JDK refused Ed25519 parameters", e);
        }
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(seed(pair.getPrivate()), seed)) {
            throw new GeneralSecurityException("this JDK's Ed25519 provider did not derive the key from the seed");
        }
        return pair;
    }

    /** A JDK private key for a seed, for signing. */
    static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed.clone()));
    }

    static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(message);
        return signature.sign();
    }

    /** False for a wrong length, a key that is not a curve point, or a signature that does not match. */
    static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null || message == null || signature == null
                || rawPublicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // peer-supplied keys and signatures may be any bytes: every failure means "not valid"
            return false;
        }
    }

    private static byte[] stripPrefix(byte[] encoded, byte[] prefix, String what) {
        if (encoded == null || encoded.length != prefix.length + 32
                || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalStateException("not an " + what);
        }
        return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
    }

    /** A "random" source that yields the given seed once; only ever handed to the key generator. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private boolean used;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for unexpected random bytes");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
