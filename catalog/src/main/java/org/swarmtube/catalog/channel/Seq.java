package org.swarmtube.catalog.channel;

/**
 * The order of catalog versions. A catalog's {@code seq} (in its head, and the same number as the
 * BEP 44 item that points at it) grows with every change; a version not newer than the one
 * already held is a replay or a stale copy and is refused, whoever offers it (DHT, LAN, a file).
 *
 * <p>An equal {@code seq} is refused too: the holder already has that version, and two different
 * catalogs with one {@code seq} can only come from two machines publishing at once.
 */
public final class Seq {
    private Seq() {
    }

    /** Whether {@code offered} is a newer version than {@code held}. BEP 44 compares seq as signed 64-bit integers. */
    public static boolean isNewer(long offered, long held) {
        return offered > held;
    }

    /**
     * Refuses a version that is not newer than the one held.
     *
     * @throws CatalogException if {@code offered <= held}
     */
    public static void requireNewer(long held, long offered) throws CatalogException {
        if (!isNewer(offered, held)) {
            throw new CatalogException("refusing catalog version " + offered + ": version " + held
                    + " is already held, so this is a replayed or stale catalog");
        }
    }

    /**
     * Refuses {@code offered} unless it is a newer version of the same channel as {@code held}.
     *
     * @throws CatalogException if the channels differ or {@code offered} is not newer
     */
    public static void requireNewer(SignedCatalog held, SignedCatalog offered) throws CatalogException {
        if (!held.channelKeyHex().equals(offered.channelKeyHex())) {
            throw new CatalogException("refusing a catalog of channel " + offered.channelKeyHex()
                    + " as an update of channel " + held.channelKeyHex());
        }
        requireNewer(held.seq(), offered.seq());
    }
}
