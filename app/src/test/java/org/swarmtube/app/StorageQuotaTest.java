package org.swarmtube.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageQuotaTest {
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    private static StorageQuota.Held held(String name, long bytes, boolean evictable, int minute) {
        return new StorageQuota.Held(name, bytes, evictable, T.plusSeconds(60L * minute));
    }

    private static List<String> names(List<StorageQuota.Held> held) {
        return held.stream().map(StorageQuota.Held::infohash).toList();
    }

    @Test
    void nothingLeavesUnderTheQuotaOrWithoutOne() {
        List<StorageQuota.Held> held = List.of(held("a", 100, true, 1), held("b", 100, true, 2));
        assertThat(StorageQuota.evictions(held, 200)).isEmpty();
        assertThat(StorageQuota.evictions(held, 0)).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedLeaveFirstUntilTheRestFits() {
        List<StorageQuota.Held> held = List.of(held("new", 100, true, 9), held("old", 100, true, 1),
                held("middle", 100, true, 5), held("oldest-but-pinned", 500, false, 0));
        // 800 held: pinned 500 stays; the quota of 650 needs two unpinned ones out, oldest first
        assertThat(names(StorageQuota.evictions(held, 650))).containsExactly("old", "middle");
        assertThat(names(StorageQuota.evictions(held, 799))).containsExactly("old");
    }

    @Test
    void pinnedVideosAloneOverTheQuotaTakeEveryUnpinnedOne() {
        List<StorageQuota.Held> held = List.of(held("pinned", 1000, false, 0), held("a", 10, true, 1), held("b", 10, true, 2));
        assertThat(names(StorageQuota.evictions(held, 100))).containsExactly("a", "b");
    }

    @Test
    void equalTimesAreOrderedByName() {
        List<StorageQuota.Held> held = List.of(held("b", 10, true, 1), held("a", 10, true, 1));
        assertThat(names(StorageQuota.evictions(held, 15))).containsExactly("a");
    }
}
