package org.swarmtube.swarm;

import java.util.List;

/**
 * What a streamed file looks like from the player's side.
 *
 * @param length    the file's length
 * @param local     byte ranges held and verified here
 * @param requested byte ranges being fetched against deadlines (the readers' windows)
 * @param readers   one entry per open reader
 */
public record BufferStatus(long length, List<ByteRange> local, List<ByteRange> requested, List<Reader> readers) {
    public BufferStatus {
        local = List.copyOf(local);
        requested = List.copyOf(requested);
        readers = List.copyOf(readers);
    }

    /**
     * One reader.
     *
     * @param position      where it last read
     * @param bufferedAhead contiguous bytes held from the position on
     * @param secondsAhead  {@code bufferedAhead} in seconds of video, from the bitrate given to
     *                      {@link FileStream#bufferStatus(double)}; 0 if unknown
     * @param waiting       whether a read is blocked waiting for data
     * @param active        whether it read in the last two seconds (a player's playback
     *                      connection, rather than one that probed the end of the file once)
     */
    public record Reader(long position, long bufferedAhead, double secondsAhead, boolean waiting, boolean active) {
    }

    /** The reader a player is playing from: the active one furthest into the file, if any. */
    public java.util.Optional<Reader> playhead() {
        return readers.stream().filter(Reader::active).filter(r -> r.position() < length)
                .max(java.util.Comparator.comparingLong(Reader::position));
    }

    /** Whether any reader is blocked waiting for data (show "buffering"). */
    public boolean buffering() {
        return readers.stream().anyMatch(Reader::waiting);
    }
}
