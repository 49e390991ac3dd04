package org.swarmtube.app.desktop.watch;

import java.util.ArrayList;
import java.util.List;
import org.swarmtube.media.BufferView;
import org.swarmtube.swarm.BufferStatus;
import org.swarmtube.swarm.ByteRange;
import org.swarmtube.swarm.SwarmHealth;

/** Turns the swarm's view of a streamed file into what the player's buffer bar draws. */
final class BufferViews {
    private BufferViews() {
    }

    /**
     * @param status the streamed file's buffer, null while no reader is open
     * @param health the torrent's pieces, null if unknown
     */
    static BufferView of(BufferStatus status, SwarmHealth health) {
        long length;
        List<BufferView.Range> local;
        List<BufferView.Range> arriving = List.of();
        if (status != null) {
            length = status.length();
            local = ranges(status.local(), length);
            arriving = ranges(status.requested(), length);
        } else if (health != null && health.pieceCount() > 0 && health.status().sizeBytes() > 0) {
            // no reader open (the player stopped): the pieces say as much, for a single-file torrent
            length = health.status().sizeBytes();
            local = pieceRanges(health, length);
        } else {
            return BufferView.UNKNOWN;
        }
        double[] availability = new double[0];
        if (health != null && health.pieceCount() > 0 && health.availability().length == health.pieceCount()) {
            int[] copies = health.availability();
            availability = new double[copies.length];
            for (int i = 0; i < copies.length; i++) availability[i] = Math.max(0, copies[i]);
        }
        return new BufferView(length, local, arriving, availability);
    }

    private static List<BufferView.Range> ranges(List<ByteRange> ranges, long length) {
        List<BufferView.Range> out = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
            long end = Math.min(length, range.end());
            if (end > range.start()) out.add(new BufferView.Range(range.start(), end));
        }
        return out;
    }

    private static List<BufferView.Range> pieceRanges(SwarmHealth health, long length) {
        List<BufferView.Range> out = new ArrayList<>();
        long size = health.pieceSize();
        int piece = health.localPieces().nextSetBit(0);
        while (piece >= 0 && piece < health.pieceCount()) {
            int end = health.localPieces().nextClearBit(piece);
            long from = Math.min(length, piece * size);
            long to = Math.min(length, end * size);
            if (to > from) out.add(new BufferView.Range(from, to));
            piece = health.localPieces().nextSetBit(end);
        }
        return out;
    }
}
