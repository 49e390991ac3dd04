package org.swarmtube.catalog.channel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a catalog's files, and the check every name from a peer passes before it is used.
 * A catalog torrent is written into the data directory under these names, so a name must not be
 * able to point anywhere else: no {@code ..}, no absolute paths, no backslashes or drive letters
 * (separators on Windows), no empty or {@code .} segments, no control characters. Beyond that,
 * only the names of the layout are accepted at all.
 */
final class FileNames {
    static final String HEAD = "head.json";
    static final String PROFILE = "profile.json";
    static final String PACK_DIRECTORY = "packs";
    private static final Pattern PACK = Pattern.compile("packs/([0-9]{6})\\.jsonl");
    private static final int MAX_NAME = 255;

    private FileNames() {
    }

    /** The name of pack {@code index}: fixed width, so names sort in pack order and never change. */
    static String pack(int index) {
        return String.format("%s/%06d.jsonl", PACK_DIRECTORY, index);
    }

    /** The pack index a name stands for, or -1 if it is not a pack file name. */
    static int packIndex(String name) {
        Matcher m = PACK.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Refuses a name that could leave the catalog directory or is not a file of the layout.
     *
     * @throws CatalogException saying why
     */
    static void check(String name) throws CatalogException {
        if (name == null || name.isEmpty()) throw new CatalogException("the catalog has a file with an empty name");
        String shown = Fields.quote(name);
        if (name.length() > MAX_NAME) throw new CatalogException("the catalog file name " + shown + " is too long");
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new CatalogException("the catalog file name " + shown + " contains a control character");
            }
        }
        if (name.indexOf('\\') >= 0) {
            throw new CatalogException("the catalog file name " + shown
                    + " contains a backslash, a path separator on Windows that could leave the catalog directory");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new CatalogException("the catalog file name " + shown + " is an absolute path outside the catalog directory");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                throw new CatalogException("the catalog file name " + shown + " tries to leave the catalog directory");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw new CatalogException("the catalog file name " + shown + " has an empty or '.' path segment");
            }
        }
        if (!name.equals(HEAD) && !name.equals(PROFILE) && packIndex(name) < 0) {
            throw new CatalogException("the catalog holds an unexpected file " + shown
                    + " (a catalog has only head.json, profile.json and packs/NNNNNN.jsonl)");
        }
    }

    /** The size limit for a file of this (checked) name. */
    static long maxBytes(String name) {
        if (name.equals(HEAD)) return CatalogLimits.MAX_HEAD_BYTES;
        if (name.equals(PROFILE)) return CatalogLimits.MAX_PROFILE_BYTES;
        return CatalogLimits.MAX_PACK_BYTES;
    }
}
