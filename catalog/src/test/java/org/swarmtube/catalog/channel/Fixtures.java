package org.swarmtube.catalog.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Deterministic identities, videos and thumbnails for the catalog tests, and a forger for tampering. */
final class Fixtures {
    static final Identity ALICE = Identity.fromSeed(seed("alice"));
    static final Identity MALLORY = Identity.fromSeed(seed("mallory"));
    static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private Fixtures() {
    }

    static byte[] seed(String name) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JPEG-framed blob of {@code size} bytes whose content depends only on {@code seed}. */
    static Jpeg jpeg(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xd8;
        bytes[2] = (byte) 0xff;
        bytes[size - 2] = (byte) 0xff;
        bytes[size - 1] = (byte) 0xd9;
        return Jpeg.of(bytes);
    }

    /** Video number {@code i}: its infohash, title and times all derive from {@code i}. */
    static CatalogEntry video(int i, int thumbnailBytes) {
        String infohash = HexFormat.of().formatHex(seed("video " + i)).substring(0, 40);
        return CatalogEntry.of(infohash, "Video number " + i + ": a walk through the Alps, part " + i,
                "Filmed in the summer.\nThis is video " + i + " of the series, with notes about the route.",
                List.of("hiking", "alps", "part-" + i), Duration.ofSeconds(600 + i), 1280, 720,
                50_000_000L + i, START.plusSeconds(3600L * i),
                thumbnailBytes > 0 ? Optional.of(jpeg(thumbnailBytes, i)) : Optional.empty());
    }

    static List<CatalogEntry> videos(int from, int count, int thumbnailBytes) {
        List<CatalogEntry> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) out.add(video(i, thumbnailBytes));
        return out;
    }

    static ChannelProfile profile() {
        return new ChannelProfile("Alpine Walks", "Long walks, filmed.", Optional.of(jpeg(6000, -1)),
                List.of(ChannelLink.of(MALLORY.publicKey(), new byte[0])));
    }

    /**
     * What a key holder (honest or not) can do: sign a head over arbitrary other files. Tests use
     * it to show that checks beyond the signature hold even when the signature is valid.
     */
    static SortedMap<String, byte[]> resign(Map<String, byte[]> files, Identity signer, long seq, int records, int videos) {
        SortedMap<String, byte[]> out = new TreeMap<>(files);
        List<String> packHashes = new ArrayList<>();
        for (int i = 0; out.containsKey(FileNames.pack(i)); i++) packHashes.add(Sha256.hex(out.get(FileNames.pack(i))));
        Head head = new Head(signer.publicKeyHex(), seq, records, videos, Sha256.hex(out.get(FileNames.PROFILE)),
                packHashes);
        out.put(FileNames.HEAD, head.sign(signer));
        return out;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
