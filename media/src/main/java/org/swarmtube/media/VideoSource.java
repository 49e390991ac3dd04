package org.swarmtube.media;

import java.io.Closeable;
import java.io.IOException;

/**
 * A video the player reads through Java rather than opening a location itself: the bytes of a
 * file that may still be downloading, read in the same process. Each playback opens its own
 * {@link Reader}.
 */
public interface VideoSource {
    /** Names the video; two sources with the same id play the same video. */
    String id();

    /** Opens a reader for one playback; may block until the video's length is known. */
    Reader open() throws IOException;

    /** Reads the bytes of one playback. Used by one player thread at a time. */
    interface Reader extends Closeable {
        /** The video's length in bytes. */
        long length();

        /**
         * Reads bytes at {@code position}, blocking until some are available.
         *
         * @return how many bytes were read (at least one), or -1 at the end
         * @throws IOException if they cannot be had; an interrupted read throws
         *                     {@link java.io.InterruptedIOException}
         */
        int read(long position, byte[] buffer, int offset, int length) throws IOException;
    }
}
