package org.swarmtube.media;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the player's buffer bar shows about one video file: which bytes are on this machine, which are
 * being downloaded now, and how available the rest is in the swarm. Plain data with no swarm types; the
 * app builds one from the swarm's status snapshot. The bar maps bytes to its width linearly, so a
 * video's bytes are taken to be spread evenly over its playing time.
 *
 * @param length       the file's length in bytes; 0 when not known yet (the bar then shows nothing)
 * @param local        byte ranges already on this machine
 * @param arriving     byte ranges being downloaded now (requested from peers, not yet verified)
 * @param availability how many copies of each part the swarm holds: the file is cut into
 *                     {@code availability.length} equal slices, and value {@code i} is the number of
 *                     peers known to have slice {@code i} (an average over its pieces, so it may be
 *                     fractional); 0 means no known peer has it. May be empty when not known.
 */
public record BufferView(long length, List<Range> local, List<Range> arriving, double[] availability) {
    /** Nothing known: the bar is drawn empty. */
    public static final BufferView UNKNOWN = new BufferView(0, List.of(), List.of(), new double[0]);

    /**
     * @throws IllegalArgumentException if {@code length} is negative, a range ends beyond {@code length},
     *                                  or an availability value is negative or not a number
     */
    public BufferView {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        local = List.copyOf(local);
        arriving = List.copyOf(arriving);
        availability = availability.clone();
        for (Range range : local) {
            checkWithin(range, length);
        }
        for (Range range : arriving) {
            checkWithin(range, length);
        }
        for (double copies : availability) {
            if (!(copies >= 0)) {
                throw new IllegalArgumentException("availability values must be 0 or more: " + copies);
            }
        }
    }

    /**
     * @param length the file's length in bytes
     * @return a view of a file that is entirely on this machine
     */
    public static BufferView allLocal(long length) {
        return new BufferView(length, length == 0 ? List.of() : List.of(new Range(0, length)), List.of(), new double[0]);
    }

    /** @return a copy of the availability values */
    @Override
    public double[] availability() {
        return availability.clone();
    }

    /** @return the number of bytes on this machine (overlapping ranges counted once per range) */
    public long localBytes() {
        return local.stream().mapToLong(Range::length).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BufferView that && length == that.length && local.equals(that.local)
                && arriving.equals(that.arriving) && Arrays.equals(availability, that.availability);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, local, arriving, Arrays.hashCode(availability));
    }

    @Override
    public String toString() {
        return "BufferView[length=" + length + ", local=" + local + ", arriving=" + arriving
                + ", availability=" + Arrays.toString(availability) + "]";
    }

    private static void checkWithin(Range range, long length) {
        if (range.end() > length) {
            throw new IllegalArgumentException(range + " ends beyond the file's " + length + " bytes");
        }
    }

    /**
     * A run of bytes, {@code start} included, {@code end} excluded.
     *
     * @param start first byte
     * @param end   the byte after the last one
     */
    public record Range(long start, long end) {
        /** @throws IllegalArgumentException if {@code start} is negative or after {@code end} */
        public Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("not a byte range: " + start + ".." + end);
            }
        }

        /** @return the number of bytes */
        public long length() {
            return end - start;
        }
    }
}
