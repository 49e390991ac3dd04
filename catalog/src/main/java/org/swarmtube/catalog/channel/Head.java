package org.swarmtube.catalog.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The head file, {@code head.json}: the one signed document of a catalog. It names the channel,
 * the version ({@code seq}), the counts, and the SHA-256 of the profile file and of every pack
 * file, so one signature check plus hashing authenticates every byte of the catalog.
 *
 * <pre>
 * {"channel":64 hex,"packs":[64 hex, one per pack in order],"profile":64 hex,"records":int,
 *  "schema":1,"seq":int,"sig":128 hex,"type":"head","videos":int}
 * </pre>
 *
 * The signature is Ed25519 over {@link #DOMAIN} followed by the canonical JSON of the head
 * without its {@code sig} field. The domain prefix keeps a head signature from ever being valid
 * as any other message the same key signs (BEP 44 items start with {@code 3:seq} or {@code 4:salt}).
 *
 * <p>Why the head, and not every record, is signed: the JDK's Ed25519 takes about 0.7-1 ms per
 * signature check, so signing each record would cost a subscriber about a second per thousand
 * videos on every load; hashes in one signed head cost one check and ~20 ms of SHA-256 per 20 MB.
 *
 * @param channelHex  the channel's public key, 64 lower-case hex digits
 * @param seq         the catalog version, increasing with every change (the BEP 44 {@code seq})
 * @param records     number of records in all packs
 * @param videos      number of videos the records leave published
 * @param profileHash SHA-256 of {@code profile.json}
 * @param packHashes  SHA-256 of each pack file, in pack order
 */
record Head(String channelHex, long seq, int records, int videos, String profileHash, List<String> packHashes) {
    static final String DOMAIN = "swarmtube catalog head v1\n";
    private static final Set<String> FIELDS = Set.of("channel", "packs", "profile", "records", "schema", "seq",
            "sig", "type", "videos");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX128 = Pattern.compile("[0-9a-f]{128}");
    private static final CanonicalJson.Reader READER =
            CanonicalJson.reader(CatalogLimits.MAX_HEAD_BYTES, 128, CatalogLimits.MAX_PACKS + 64);

    Head {
        packHashes = List.copyOf(packHashes);
    }

    /** The head file signed by {@code identity}: canonical JSON with {@code sig}, and a line feed. */
    byte[] sign(Identity identity) {
        ObjectNode json = unsigned();
        byte[] signature = identity.sign(message(json));
        json.put("sig", HexFormat.of().formatHex(signature));
        return CanonicalJson.line(json);
    }

    /**
     * Reads and verifies a head file fetched for the channel {@code expectedKey}.
     *
     * @throws CatalogException if it is malformed, over a limit, for another channel, or its
     *                          signature does not verify
     */
    static Head verify(byte[] bytes, byte[] expectedKey, String what) throws CatalogException {
        if (bytes.length > CatalogLimits.MAX_HEAD_BYTES) {
            throw new CatalogException(what + " is " + bytes.length + " bytes, over the limit of "
                    + CatalogLimits.MAX_HEAD_BYTES);
        }
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            throw new CatalogException(what + " does not end with a line feed");
        }
        ObjectNode json = READER.read(bytes, 0, bytes.length - 1, what);
        Fields f = Fields.of(json, what, "head", FIELDS);
        String channel = hex64(f, "channel");
        String expected = HexFormat.of().formatHex(expectedKey);
        if (!channel.equals(expected)) {
            throw new CatalogException("the catalog belongs to channel " + channel + ", not to the channel " + expected
                    + " it was fetched for: it was signed by another key");
        }
        String sig = f.text("sig");
        if (!HEX128.matcher(sig).matches()) {
            throw new CatalogException(what + ": field 'sig' must be 128 lower-case hex digits");
        }
        json.remove("sig");
        if (!Identity.verify(expectedKey, message(json), HexFormat.of().parseHex(sig))) {
            throw new CatalogException("the catalog's signature does not verify: " + what
                    + " was altered or not signed by channel " + expected);
        }
        long seq = f.integer("seq", 1, Long.MAX_VALUE);
        int records = (int) f.integer("records", 0, CatalogLimits.MAX_RECORDS);
        int videos = (int) f.integer("videos", 0, records);
        String profile = hex64(f, "profile");
        List<String> packs = f.texts("packs", CatalogLimits.MAX_PACKS);
        for (String hash : packs) {
            if (!HEX64.matcher(hash).matches()) throw new CatalogException(what + ": a pack hash is not 64 hex digits");
        }
        return new Head(channel, seq, records, videos, profile, packs);
    }

    private ObjectNode unsigned() {
        ObjectNode json = CanonicalJson.object();
        json.put("schema", Fields.SCHEMA);
        json.put("type", "head");
        json.put("channel", channelHex);
        json.put("seq", seq);
        json.put("records", records);
        json.put("videos", videos);
        json.put("profile", profileHash);
        ArrayNode packs = json.putArray("packs");
        packHashes.forEach(packs::add);
        return json;
    }

    private static byte[] message(ObjectNode unsignedHead) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DOMAIN.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(CanonicalJson.encode(unsignedHead));
        return out.toByteArray();
    }

    private static String hex64(Fields f, String name) throws CatalogException {
        String value = f.text(name);
        if (!HEX64.matcher(value).matches()) {
            throw new CatalogException(f.what() + ": field '" + name + "' must be 64 lower-case hex digits");
        }
        return value;
    }
}
