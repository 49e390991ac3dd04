package org.swarmtube.catalog.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.swarmtube.catalog.VideoId;

/**
 * One version of a channel's catalog, signed by the channel's key: its profile, its videos, and
 * the exact bytes of the files that carry them (see {@link CatalogLayout}).
 *
 * <p>There are two ways to get one, and both guarantee the signature: a publisher derives the next
 * version from the previous one with its {@link Identity} ({@link #create}, {@link #withVideo},
 * {@link #withoutVideo}, {@link #withProfile}); a subscriber reads one with
 * {@link CatalogLayout#fromFiles}, which verifies everything. Each change produces a new object
 * with {@code seq} one higher and re-uses every file it does not touch, byte for byte.
 *
 * <p>Records accumulate: a video published again (say with a new title) gets a new record that
 * supersedes the old one, whose bytes stay in their pack. Unpublishing replaces each of the video's
 * records in place by a small removal record; see {@link #withoutVideo}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignedCatalog {
    private final byte[] channelKey;
    private final long seq;
    private final ChannelProfile profile;
    private final byte[] profileBytes;
    private final List<Pack> packs;
    private final byte[] headBytes;
    private final Map<VideoId, CatalogEntry> videos;
    private final int recordCount;

    private SignedCatalog(byte[] channelKey, long seq, ChannelProfile profile, byte[] profileBytes, List<Pack> packs,
                          byte[] headBytes, Map<VideoId, CatalogEntry> videos, int recordCount) {
        this.channelKey = channelKey;
        this.seq = seq;
        this.profile = profile;
        this.profileBytes = profileBytes;
        this.packs = List.copyOf(packs);
        this.headBytes = headBytes;
        this.videos = videos;
        this.recordCount = recordCount;
    }

    /** The first version of a channel's catalog: the profile and no videos, {@code seq} 1. */
    public static SignedCatalog create(Identity identity, ChannelProfile profile) {
        return sign(identity, 1, profile, RecordCodec.encodeProfile(profile), List.of());
    }

    /** The next version with one more video (or a new version of a video already there). */
    public SignedCatalog withVideo(Identity identity, CatalogEntry entry) {
        return withVideos(identity, List.of(entry));
    }

    /**
     * The next version with these videos added, in order. Records go into the last pack while it
     * has room (128 records, 1 MiB), then into new packs: earlier packs keep their bytes.
     *
     * @throws IllegalArgumentException if the identity is not this channel's, or the catalog would
     *                                  exceed a limit of {@link CatalogLimits}
     */
    public SignedCatalog withVideos(Identity identity, List<CatalogEntry> entries) {
        requireOwner(identity);
        if ((long) recordCount + entries.size() > CatalogLimits.MAX_RECORDS) {
            throw new IllegalArgumentException("the catalog would hold more than " + CatalogLimits.MAX_RECORDS + " records");
        }
        List<Pack> out = new ArrayList<>(packs);
        List<CatalogRecord> open = new ArrayList<>();
        long openBytes = 0;
        if (!out.isEmpty()) {
            Pack last = out.remove(out.size() - 1);
            open.addAll(last.records());
            openBytes = last.size();
        }
        int n = recordCount;
        for (CatalogEntry entry : entries) {
            CatalogRecord record = RecordCodec.published(n++, Objects.requireNonNull(entry, "entry"));
            if (open.size() >= CatalogLimits.MAX_RECORDS_PER_PACK
                    || openBytes + record.line().length > CatalogLimits.MAX_PACK_BYTES) {
                out.add(Pack.of(open));
                open = new ArrayList<>();
                openBytes = 0;
            }
            open.add(record);
            openBytes += record.line().length;
        }
        if (!open.isEmpty()) out.add(Pack.of(open));
        return sign(identity, nextSeq(), profile, profileBytes, out);
    }

    /**
     * The next version without this video: each record of the video is replaced, where it stands,
     * by a removal record of about 70 bytes.
     *
     * <p>Why in place rather than an appended tombstone: new subscribers never receive the
     * video's title, description or thumbnail again, and the catalog does not keep growing by
     * removed videos. The cost: the pack(s) holding the video's records change from that record
     * on (at most 1 MiB each, usually one pack) where a tombstone would change only the last pack.
     * Copies of older catalog versions and of the video itself cannot be recalled.
     *
     * @throws IllegalArgumentException if the identity is not this channel's or the video is not published
     */
    public SignedCatalog withoutVideo(Identity identity, VideoId videoId) {
        requireOwner(identity);
        if (!videos.containsKey(videoId)) {
            throw new IllegalArgumentException("video " + videoId + " is not published in this catalog");
        }
        List<Pack> out = new ArrayList<>(packs.size());
        for (Pack pack : packs) {
            Map<Integer, CatalogRecord> replace = new HashMap<>();
            for (CatalogRecord record : pack.records()) {
                if (record instanceof CatalogRecord.Published && record.videoId().equals(videoId)) {
                    replace.put(record.n(), RecordCodec.removed(record.n(), videoId));
                }
            }
            out.add(replace.isEmpty() ? pack : pack.replacing(replace));
        }
        return sign(identity, nextSeq(), profile, profileBytes, out);
    }

    /** The next version with a new profile; only {@code profile.json} and the head change. */
    public SignedCatalog withProfile(Identity identity, ChannelProfile newProfile) {
        requireOwner(identity);
        return sign(identity, nextSeq(), newProfile, RecordCodec.encodeProfile(newProfile), packs);
    }

    /** The channel's raw 32-byte public key. */
    public byte[] channelKey() {
        return channelKey.clone();
    }

    /** The channel's public key as 64 lower-case hex digits. */
    public String channelKeyHex() {
        return HexFormat.of().formatHex(channelKey);
    }

    /** This version's number; see {@link Seq}. */
    public long seq() {
        return seq;
    }

    /** The channel's profile. */
    public ChannelProfile profile() {
        return profile;
    }

    /** The published videos, in the order they were first published. */
    public List<CatalogEntry> videos() {
        return List.copyOf(videos.values());
    }

    /** A published video by id. */
    public Optional<CatalogEntry> video(VideoId videoId) {
        return Optional.ofNullable(videos.get(videoId));
    }

    /** Number of records, counting superseded versions and removals. */
    public int recordCount() {
        return recordCount;
    }

    /** Number of pack files. */
    public int packCount() {
        return packs.size();
    }

    /** Size of all the catalog's files together. */
    public long totalBytes() {
        long total = headBytes.length + profileBytes.length;
        for (Pack pack : packs) total += pack.size();
        return total;
    }

    List<Pack> packs() {
        return packs;
    }

    byte[] headBytes() {
        return headBytes.clone();
    }

    byte[] profileBytes() {
        return profileBytes.clone();
    }

    /**
     * Assembles a catalog whose parts {@link CatalogLayout} has already verified against the head.
     *
     * @throws CatalogException if the head's video count disagrees with the records
     */
    static SignedCatalog verified(byte[] channelKey, Head head, byte[] headBytes, ChannelProfile profile,
                                  byte[] profileBytes, List<Pack> packs) throws CatalogException {
        Map<VideoId, CatalogEntry> videos = fold(packs);
        int records = countRecords(packs);
        if (records != head.records()) {
            throw new CatalogException("head.json says the catalog has " + head.records() + " records, the packs hold "
                    + records);
        }
        if (videos.size() != head.videos()) {
            throw new CatalogException("head.json says the catalog has " + head.videos() + " videos, the records leave "
                    + videos.size());
        }
        return new SignedCatalog(channelKey.clone(), head.seq(), profile, profileBytes, packs, headBytes, videos,
                records);
    }

    private static SignedCatalog sign(Identity identity, long seq, ChannelProfile profile, byte[] profileBytes,
                                      List<Pack> packs) {
        if (packs.size() > CatalogLimits.MAX_PACKS) {
            throw new IllegalArgumentException("the catalog would have more than " + CatalogLimits.MAX_PACKS + " packs");
        }
        long total = profileBytes.length;
        List<String> hashes = new ArrayList<>(packs.size());
        for (Pack pack : packs) {
            total += pack.size();
            hashes.add(pack.sha256());
        }
        if (total > CatalogLimits.MAX_TOTAL_BYTES - CatalogLimits.MAX_HEAD_BYTES) {
            throw new IllegalArgumentException("the catalog would be larger than " + CatalogLimits.MAX_TOTAL_BYTES
                    + " bytes");
        }
        Map<VideoId, CatalogEntry> videos = fold(packs);
        int records = countRecords(packs);
        Head head = new Head(identity.publicKeyHex(), seq, records, videos.size(), Sha256.hex(profileBytes), hashes);
        return new SignedCatalog(identity.publicKey(), seq, profile, profileBytes, packs, head.sign(identity), videos,
                records);
    }

    /** Replays the records in order: a video record (re)publishes, a removal unpublishes. */
    private static Map<VideoId, CatalogEntry> fold(Collection<Pack> packs) {
        Map<VideoId, CatalogEntry> videos = new LinkedHashMap<>();
        for (Pack pack : packs) {
            for (CatalogRecord record : pack.records()) {
                if (record instanceof CatalogRecord.Published published) {
                    videos.put(published.videoId(), published.entry());
                } else {
                    videos.remove(record.videoId());
                }
            }
        }
        return videos;
    }

    private static int countRecords(List<Pack> packs) {
        int n = 0;
        for (Pack pack : packs) n += pack.records().size();
        return n;
    }

    private void requireOwner(Identity identity) {
        if (!Arrays.equals(identity.publicKey(), channelKey)) {
            throw new IllegalArgumentException("this catalog belongs to channel " + channelKeyHex() + ", not to "
                    + identity.publicKeyHex());
        }
    }

    private long nextSeq() {
        if (seq == Long.MAX_VALUE) throw new IllegalStateException("the catalog's seq cannot grow any further");
        return seq + 1;
    }

    @Override
    public String toString() {
        return "SignedCatalog[" + channelKeyHex() + " seq " + seq + ", " + videos.size() + " videos, "
                + packs.size() + " packs]";
    }
}
