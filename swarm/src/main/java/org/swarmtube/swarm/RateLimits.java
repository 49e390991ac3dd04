package org.swarmtube.swarm;

/**
 * Upload and download limits in bytes per second; 0 means unlimited. Once a limit is set it
 * also holds for peers on the local network and loopback (libtorrent exempts them by default).
 *
 * @param uploadBytesPerSecond   upload limit, 0 for none
 * @param downloadBytesPerSecond download limit, 0 for none
 */
public record RateLimits(long uploadBytesPerSecond, long downloadBytesPerSecond) {
    /** No limits. */
    public static final RateLimits UNLIMITED = new RateLimits(0, 0);

    public RateLimits {
        if (uploadBytesPerSecond < 0 || downloadBytesPerSecond < 0) {
            throw new IllegalArgumentException("a rate limit cannot be negative");
        }
        if (uploadBytesPerSecond > Integer.MAX_VALUE || downloadBytesPerSecond > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a rate limit is at most " + Integer.MAX_VALUE + " bytes/s");
        }
    }

    /** True if neither direction is limited. */
    public boolean isUnlimited() {
        return uploadBytesPerSecond == 0 && downloadBytesPerSecond == 0;
    }
}
