package org.swarmtube.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PieceWindowTest {
    private static final int PIECE = 256 * 1024;

    @Test
    void theWindowOpensOverTheRamp() {
        int full = PieceWindow.windowFor(PIECE);
        assertThat(full).isEqualTo(32);
        assertThat(PieceWindow.windowFor(PIECE, 0, 1000)).isEqualTo(8);
        assertThat(PieceWindow.windowFor(PIECE, 500, 1000)).isEqualTo(20);
        assertThat(PieceWindow.windowFor(PIECE, 1000, 1000)).isEqualTo(full);
        assertThat(PieceWindow.windowFor(PIECE, 60_000, 1000)).isEqualTo(full);
        // large pieces: never fewer than four at first; the full window is at least 16 pieces
        assertThat(PieceWindow.windowFor(4 << 20, 0, 1000)).isEqualTo(4);
        assertThat(PieceWindow.windowFor(16 << 20, 2000, 1000)).isEqualTo(16);
    }

    @Test
    void firstAndLastPiecesComeBeforeTheWindowAndHeldPiecesAreLeftOut() {
        PieceWindow window = new PieceWindow(0, 99, 4);
        Map<Integer, Integer> deadlines = window.deadlines(List.of(50), piece -> piece == 51);
        assertThat(deadlines).containsOnlyKeys(0, 1, 98, 99, 50, 52, 53);
        assertThat(deadlines.get(0)).isLessThan(deadlines.get(99));
        assertThat(deadlines.get(99)).isLessThan(deadlines.get(1));
        assertThat(deadlines.get(50)).isLessThan(deadlines.get(52));
    }
}
