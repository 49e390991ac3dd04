package org.swarmtube.catalog.channel;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A small JPEG image carried inside a catalog: a video's thumbnail or a channel's avatar.
 *
 * <p>Only the frame of the file is checked (start-of-image marker {@code FF D8 FF} at the start,
 * end-of-image {@code FF D9} at the end, and a size limit); the pixels are decoded by the UI,
 * which is the place that must treat them as untrusted. The marker check keeps catalogs from
 * carrying arbitrary files under the name of a thumbnail.
 */
public final class Jpeg {
    private final byte[] bytes;

    private Jpeg(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of JPEG file bytes.
     *
     * @throws IllegalArgumentException if the bytes are not framed as a JPEG or exceed
     *                                  {@link CatalogLimits#MAX_AVATAR_BYTES}, the largest JPEG a catalog holds
     */
    public static Jpeg of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > CatalogLimits.MAX_AVATAR_BYTES) {
            throw new IllegalArgumentException("the image is " + bytes.length + " bytes, over the limit of "
                    + CatalogLimits.MAX_AVATAR_BYTES);
        }
        int n = bytes.length;
        if (n < 5 || (bytes[0] & 0xff) != 0xff || (bytes[1] & 0xff) != 0xd8 || (bytes[2] & 0xff) != 0xff) {
            throw new IllegalArgumentException("the image is not a JPEG (no FF D8 FF start-of-image marker)");
        }
        if ((bytes[n - 2] & 0xff) != 0xff || (bytes[n - 1] & 0xff) != 0xd9) {
            throw new IllegalArgumentException("the JPEG is truncated (no FF D9 end-of-image marker)");
        }
        return new Jpeg(bytes.clone());
    }

    /**
     * Decodes the base64 form stored in the catalog; only the one canonical spelling is accepted
     * (standard alphabet, padded, no line breaks, zero filler bits).
     */
    static Jpeg fromBase64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the image is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new IllegalArgumentException("the image's base64 is not in canonical form");
        }
        return of(decoded);
    }

    /** The stored form: standard base64 with padding. */
    String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A copy of the JPEG file bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The size of the JPEG file in bytes. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jpeg other && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Jpeg[" + bytes.length + " bytes]";
    }
}
