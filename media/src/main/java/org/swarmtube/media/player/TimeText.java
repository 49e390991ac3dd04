package org.swarmtube.media.player;

import java.time.Duration;
import java.util.Locale;

/** Times as video players show them: {@code 0:07}, {@code 12:34}, {@code 1:02:03}. */
final class TimeText {
    private TimeText() {
    }

    /** @param time the time to show; {@code longest} decides whether hours are shown */
    static String of(Duration time, Duration longest) {
        long seconds = Math.max(0, time.getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        if (hours > 0 || longest.toHours() > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs);
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
