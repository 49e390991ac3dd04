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
     */
    public record Reader(long position, long bufferedAhead, double secondsAhead, boolean waiting) {
    }

    /** Whether any reader is blocked waiting for data (show "buffering"). */
    public boolean buffering() {
        return readers.stream().anyMatch(Reader::waiting);
    }
}
