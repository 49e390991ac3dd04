package org.swarmtube.app.desktop.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.swarmtube.app.Library;
import org.swarmtube.app.Settings;

/**
 * The Settings view's fields as text, and back: limits in KB/s, the quota in GB (both decimal,
 * empty or 0 for none), the port as a number. Bad input comes back as one sentence naming the
 * field. No JavaFX here, so it is tested on its own.
 */
public final class SettingsForm {
    private SettingsForm() {
    }

    /** What the fields hold. */
    public record Fields(String uploadKBps, String downloadKBps, String listenPort, boolean portMapping, String quotaGB,
                         Settings.Seeding seeding, String ratio, Settings.Theme theme) {
    }

    /** The fields showing {@code s}. */
    public static Fields fields(Settings s) {
        return new Fields(s.uploadLimit() == 0 ? "" : decimal(s.uploadLimit(), 1000),
                s.downloadLimit() == 0 ? "" : decimal(s.downloadLimit(), 1000),
                s.listenPort() == 0 ? "" : String.valueOf(s.listenPort()), s.portMapping(),
                s.storageQuota() == 0 ? "" : decimal(s.storageQuota(), 1_000_000_000L), s.seeding(),
                new BigDecimal(Double.toString(s.seedRatio())).stripTrailingZeros().toPlainString(), s.theme());
    }

    /**
     * {@code base} changed by the fields.
     *
     * @throws IllegalArgumentException with a sentence for the person, naming the field
     */
    public static Settings parse(Fields f, Settings base) {
        long up = amount(f.uploadKBps(), 1000, "The upload limit", "KB/s, like 500");
        long down = amount(f.downloadKBps(), 1000, "The download limit", "KB/s, like 2000");
        if (up > Integer.MAX_VALUE || down > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A rate limit can be at most 2147483 KB/s; leave it empty for no limit.");
        }
        int port;
        String portText = f.listenPort().strip();
        if (portText.isEmpty()) {
            port = 0;
        } else {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("The listen port must be a number from 1 to 65535, or empty to let"
                        + " Swarmtube choose one.");
            }
        }
        long quota = amount(f.quotaGB(), 1_000_000_000L, "The storage quota", "GB, like 20");
        double ratio = base.seedRatio();
        if (f.seeding() == Settings.Seeding.RATIO || !f.ratio().isBlank()) {
            try {
                ratio = Double.parseDouble(f.ratio().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                ratio = -1;
            }
            if (!(ratio > 0) || ratio > 1000) {
                if (f.seeding() == Settings.Seeding.RATIO) {
                    throw new IllegalArgumentException("The seeding ratio must be a number above 0, like 2 (upload twice"
                            + " the video's size).");
                }
                ratio = base.seedRatio();
            }
        }
        return base.withListenPort(port).withLimits(up, down).withPortMapping(f.portMapping()).withStorageQuota(quota)
                .withSeeding(f.seeding(), ratio).withTheme(f.theme());
    }

    /** What saving {@code after} over {@code before} means for the person, or "" if nothing waits. */
    public static String restartNote(Settings before, Settings after) {
        List<String> waiting = new ArrayList<>();
        if (before.listenPort() != after.listenPort()) waiting.add("the listen port");
        if (before.portMapping() != after.portMapping()) waiting.add("port mapping");
        if (waiting.isEmpty()) return "";
        return String.join(" and ", waiting).substring(0, 1).toUpperCase(Locale.ROOT)
                + String.join(" and ", waiting).substring(1) + " apply after restart.";
    }

    /** The sentence after a save. */
    public static String savedNote(Settings before, Settings after, Library.Enforcement enforcement) {
        StringBuilder out = new StringBuilder("Saved.");
        String restart = restartNote(before, after);
        if (!restart.isEmpty()) out.append(' ').append(restart);
        List<Library.Eviction> evicted = enforcement.evicted();
        if (!evicted.isEmpty()) {
            long bytes = evicted.stream().mapToLong(Library.Eviction::bytes).sum();
            out.append(" Removed ").append(evicted.size() == 1 ? "1 watched video" : evicted.size() + " watched videos")
                    .append(" (").append(org.swarmtube.app.desktop.library.LibraryModel.bytes(bytes))
                    .append(") to stay within the storage quota.");
        }
        if (!enforcement.stoppedSeeding().isEmpty()) {
            int n = enforcement.stoppedSeeding().size();
            out.append(" Stopped seeding ").append(n == 1 ? "1 video" : n + " videos").append(" under the new policy.");
        }
        return out.toString();
    }

    private static long amount(String text, long unit, String field, String example) {
        String t = text.strip().replace(',', '.');
        if (t.isEmpty()) return 0;
        BigDecimal value;
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number of " + example + ", or empty for none.");
        }
        if (value.signum() < 0) throw new IllegalArgumentException(field + " cannot be negative.");
        BigDecimal bytes = value.multiply(BigDecimal.valueOf(unit));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) throw new IllegalArgumentException(field + " is too large.");
        long n = bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        if (n == 0 && value.signum() > 0) n = 1;
        return n;
    }

    private static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
