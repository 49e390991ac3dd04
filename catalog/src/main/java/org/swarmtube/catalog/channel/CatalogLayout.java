package org.swarmtube.catalog.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A catalog as the files of a catalog torrent, and back. The layout is made so that publishing
 * one more video changes only a few small files, unchanged files keep their bytes (and therefore
 * their BEP 52 per-file hashes), and a subscriber holding the previous version re-uses them.
 *
 * <h2>Files (schema 1)</h2>
 * <pre>
 * head.json               the signed head: channel, seq, counts, SHA-256 of every other file
 * profile.json            the channel profile (name, description, avatar, recommended channels)
 * packs/000000.jsonl      records 0..: one canonical JSON record per line, "\n"-terminated
 * packs/000001.jsonl      ... each pack at most 128 records and 1 MiB; only the last one grows
 * </pre>
 * Every file is canonical JSON (see {@code CanonicalJson}), one document per line. Records are
 * self-describing (schema, type, number, and the full video entry), so there is no index whose
 * first bytes change with every version: adding a video appends one line to the last pack (or
 * starts a new pack) and rewrites the head, which grows by 67 bytes per pack.
 *
 * <h2>Verification on load</h2>
 * {@link #fromFiles} checks, in this order and before parsing further at each step: file count,
 * every name ({@link #checkFileName}), every file's size and the total; then the head's JSON,
 * channel and signature; then that the files present are exactly those the head lists; then each
 * file's SHA-256 against the head, before that file is parsed; then every field of the profile and
 * of every record (limits, canonical form, record numbering); last, the counts in the head.
 */
public final class CatalogLayout {
    /** Name of the signed head file. */
    public static final String HEAD = FileNames.HEAD;
    /** Name of the profile file. */
    public static final String PROFILE = FileNames.PROFILE;

    private CatalogLayout() {
    }

    /** The catalog's files: relative names ('/'-separated) to their bytes, sorted by name. */
    public static SortedMap<String, byte[]> toFiles(SignedCatalog catalog) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(HEAD, catalog.headBytes());
        files.put(PROFILE, catalog.profileBytes());
        List<Pack> packs = catalog.packs();
        for (int i = 0; i < packs.size(); i++) files.put(FileNames.pack(i), packs.get(i).bytes());
        return files;
    }

    /**
     * Reads and verifies a catalog from its files, for the channel whose key was used to find it.
     *
     * @param files      relative file name to bytes, as received (for example a torrent's files)
     * @param channelKey the raw 32-byte public key of the channel the catalog was fetched for
     * @throws CatalogException with a sentence naming the first thing wrong
     */
    public static SignedCatalog fromFiles(Map<String, byte[]> files, byte[] channelKey) throws CatalogException {
        if (channelKey == null || channelKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("a channel key has 32 bytes");
        }
        if (files.size() > CatalogLimits.MAX_PACKS + 2) {
            throw new CatalogException("the catalog has " + files.size() + " files, more than the limit of "
                    + (CatalogLimits.MAX_PACKS + 2));
        }
        long total = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            checkFileName(file.getKey());
            long size = file.getValue().length;
            if (size > FileNames.maxBytes(file.getKey())) {
                throw new CatalogException(file.getKey() + " is " + size + " bytes, over the limit of "
                        + FileNames.maxBytes(file.getKey()));
            }
            total += size;
        }
        if (total > CatalogLimits.MAX_TOTAL_BYTES) {
            throw new CatalogException("the catalog is " + total + " bytes, over the limit of "
                    + CatalogLimits.MAX_TOTAL_BYTES);
        }

        byte[] headBytes = require(files, HEAD);
        Head head = Head.verify(headBytes, channelKey, HEAD);

        int packCount = head.packHashes().size();
        for (String name : files.keySet()) {
            int index = FileNames.packIndex(name);
            if (index >= packCount) {
                throw new CatalogException(name + " is not part of this catalog version (" + HEAD + " lists "
                        + packCount + " packs)");
            }
        }
        byte[] profileBytes = require(files, PROFILE);
        requireHash(profileBytes, head.profileHash(), PROFILE);
        ChannelProfile profile = RecordCodec.decodeProfile(profileBytes, PROFILE);

        List<Pack> packs = new ArrayList<>(packCount);
        int nextRecord = 0;
        for (int i = 0; i < packCount; i++) {
            String name = FileNames.pack(i);
            byte[] bytes = require(files, name);
            requireHash(bytes, head.packHashes().get(i), name);
            Pack pack = Pack.decode(bytes, nextRecord, name);
            nextRecord += pack.records().size();
            if (nextRecord > CatalogLimits.MAX_RECORDS) {
                throw new CatalogException("the catalog holds more than " + CatalogLimits.MAX_RECORDS + " records");
            }
            packs.add(pack);
        }
        return SignedCatalog.verified(channelKey, head, headBytes.clone(), profile, profileBytes.clone(), packs);
    }

    /**
     * Refuses a file name that could leave the catalog directory (".." segments, absolute paths,
     * backslashes, drive letters, empty segments, control characters) or that is not a file of this
     * layout. Call it on a catalog torrent's file list before anything is downloaded or written.
     *
     * @throws CatalogException saying why the name is refused
     */
    public static void checkFileName(String name) throws CatalogException {
        FileNames.check(name);
    }

    /**
     * The names whose bytes differ between two versions' files, or that only {@code after} has:
     * what a subscriber holding {@code before} must fetch (at most; BEP 52 lets it keep the
     * unchanged pieces of an appended pack). The layout never deletes a file when it adds.
     */
    public static SortedSet<String> changedFiles(Map<String, byte[]> before, Map<String, byte[]> after) {
        SortedSet<String> changed = new TreeSet<>();
        for (Map.Entry<String, byte[]> file : after.entrySet()) {
            byte[] old = before.get(file.getKey());
            if (old == null || !Arrays.equals(old, file.getValue())) changed.add(file.getKey());
        }
        return changed;
    }

    private static byte[] require(Map<String, byte[]> files, String name) throws CatalogException {
        byte[] bytes = files.get(name);
        if (bytes == null) throw new CatalogException("the catalog has no " + name);
        return bytes;
    }

    private static void requireHash(byte[] bytes, String expected, String name) throws CatalogException {
        if (!Sha256.hex(bytes).equals(expected)) {
            throw new CatalogException(name + " does not match its hash in " + HEAD
                    + ": it was altered or belongs to another version of the catalog");
        }
    }
}
