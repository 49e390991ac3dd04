package org.swarmtube.swarm;

import java.util.BitSet;

/**
 * How healthy a torrent's swarm is, piece by piece.
 *
 * @param status       the torrent's snapshot (peers, seeds, copies, rates)
 * @param pieceCount   number of pieces (0 until metadata arrives)
 * @param pieceSize    bytes per piece, the last may be shorter
 * @param localPieces  pieces held and verified here
 * @param availability for each piece, how many connected peers have it
 */
public record SwarmHealth(TorrentStatus status, int pieceCount, int pieceSize, BitSet localPieces,
                          int[] availability) {
    /** Fraction of the pieces held locally, 0 to 1. */
    public double localFraction() {
        return pieceCount == 0 ? 0 : (double) localPieces.cardinality() / pieceCount;
    }

    /** Pieces that no connected peer has and that are not held here either. */
    public int missingEverywhere() {
        int missing = 0;
        for (int i = 0; i < pieceCount; i++) {
            if (!localPieces.get(i) && (i >= availability.length || availability[i] == 0)) missing++;
        }
        return missing;
    }
}
