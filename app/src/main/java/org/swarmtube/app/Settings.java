package org.swarmtube.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.swarmtube.catalog.Infohash;
import org.swarmtube.swarm.RateLimits;

/**
 * What the viewer chose in the Settings view, kept in the data directory's {@code settings.json}
 * beside the remembered listen port. Missing or unreadable fields take their defaults; keys this
 * class does not know are kept when the file is written again.
 *
 * @param listenPort        the port to listen on at the next start; 0 lets the node choose (and remember) one
 * @param uploadLimit       upload limit in bytes/s, 0 for none
 * @param downloadLimit     download limit in bytes/s, 0 for none
 * @param portMapping       map the listen port on the router with UPnP and NAT-PMP (at the next start)
 * @param storageQuota      how many bytes videos downloaded into the library may take, 0 for no limit;
 *                          beyond it the least recently watched unpinned videos are removed
 * @param seeding           when watched videos stop being seeded
 * @param seedRatio         for {@link Seeding#RATIO}: stop after uploading this many times a video's size
 * @param theme             the desktop window's theme
 * @param kept              infohashes the viewer chose to keep seeding: never evicted, never stopped by the policy
 */
public record Settings(int listenPort, long uploadLimit, long downloadLimit, boolean portMapping, long storageQuota,
                       Seeding seeding, double seedRatio, Theme theme, Set<String> kept) {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    /** The quota when none was chosen: 20 GB. */
    public static final long DEFAULT_QUOTA = 20_000_000_000L;
    /** The default ratio of {@link Seeding#RATIO}. */
    public static final double DEFAULT_RATIO = 2.0;

    /** The defaults of a fresh data directory. */
    public static final Settings DEFAULTS = new Settings(0, 0, 0, true, DEFAULT_QUOTA, Seeding.ALWAYS, DEFAULT_RATIO,
            Theme.DARK, Set.of());

    /** When watched videos stop being seeded. Own publications and kept copies are always seeded. */
    public enum Seeding {
        /** Seed every watched video for as long as it is held. */
        ALWAYS,
        /** Stop once a video was uploaded {@code seedRatio} times its size (counted since the node started). */
        RATIO,
        /** Stop seeding a watched video once it is downloaded. */
        NEVER
    }

    /** The desktop window's look; dark is the default. */
    public enum Theme {
        LIGHT, DARK
    }

    public Settings {
        if (listenPort < 0 || listenPort > 65535) throw new IllegalArgumentException("the listen port must be between 1 and 65535");
        new RateLimits(uploadLimit, downloadLimit); // the same checks as the engine's
        if (storageQuota < 0) throw new IllegalArgumentException("the storage quota cannot be negative");
        Objects.requireNonNull(seeding, "seeding");
        if (!(seedRatio > 0) || seedRatio > 1000) throw new IllegalArgumentException("the seeding ratio must be above 0 and at most 1000");
        Objects.requireNonNull(theme, "theme");
        TreeSet<String> normalized = new TreeSet<>();
        for (String infohash : kept) normalized.add(Infohash.normalize(infohash));
        kept = Set.copyOf(normalized);
    }

    /** The rate limits to give the engine. */
    public RateLimits limits() {
        return new RateLimits(uploadLimit, downloadLimit);
    }

    /**
     * The limits a node starts with: a limit given on the command line (not 0) wins over the
     * setting of the same direction.
     */
    public RateLimits limitsUnder(RateLimits given) {
        return new RateLimits(given.uploadBytesPerSecond() > 0 ? given.uploadBytesPerSecond() : uploadLimit,
                given.downloadBytesPerSecond() > 0 ? given.downloadBytesPerSecond() : downloadLimit);
    }

    /** Whether a change from this to {@code other} takes effect only at the next start. */
    public boolean restartNeededFor(Settings other) {
        return listenPort != other.listenPort || portMapping != other.portMapping;
    }

    public boolean isKept(String infohash) {
        return kept.contains(Infohash.normalize(infohash));
    }

    public Settings withListenPort(int value) {
        return new Settings(value, uploadLimit, downloadLimit, portMapping, storageQuota, seeding, seedRatio, theme, kept);
    }

    public Settings withLimits(long upload, long download) {
        return new Settings(listenPort, upload, download, portMapping, storageQuota, seeding, seedRatio, theme, kept);
    }

    public Settings withPortMapping(boolean value) {
        return new Settings(listenPort, uploadLimit, downloadLimit, value, storageQuota, seeding, seedRatio, theme, kept);
    }

    public Settings withStorageQuota(long value) {
        return new Settings(listenPort, uploadLimit, downloadLimit, portMapping, value, seeding, seedRatio, theme, kept);
    }

    public Settings withSeeding(Seeding value, double ratio) {
        return new Settings(listenPort, uploadLimit, downloadLimit, portMapping, storageQuota, value, ratio, theme, kept);
    }

    public Settings withTheme(Theme value) {
        return new Settings(listenPort, uploadLimit, downloadLimit, portMapping, storageQuota, seeding, seedRatio, value, kept);
    }

    /** These settings with {@code infohash} kept (or no longer kept). */
    public Settings withKept(String infohash, boolean keep) {
        TreeSet<String> set = new TreeSet<>(kept);
        if (keep) set.add(Infohash.normalize(infohash));
        else set.remove(Infohash.normalize(infohash));
        return new Settings(listenPort, uploadLimit, downloadLimit, portMapping, storageQuota, seeding, seedRatio, theme, set);
    }

    /** Reads {@code settings.json}; a missing file gives the defaults, a damaged one the defaults with a warning. */
    public static Settings load(Home home) {
        return load(home.settingsFile());
    }

    static Settings load(Path file) {
        if (!Files.exists(file)) return DEFAULTS;
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
            return DEFAULTS;
        }
        if (json == null || !json.isObject()) return DEFAULTS;
        Settings d = DEFAULTS;
        int port = json.path("listenPort").asInt(0);
        long up = Math.max(0, json.path("uploadLimit").asLong(0));
        long down = Math.max(0, json.path("downloadLimit").asLong(0));
        if (up > Integer.MAX_VALUE) up = 0;
        if (down > Integer.MAX_VALUE) down = 0;
        long quota = json.has("storageQuota") ? Math.max(0, json.path("storageQuota").asLong(d.storageQuota)) : d.storageQuota;
        double ratio = json.path("seedRatio").asDouble(d.seedRatio);
        if (!(ratio > 0) || ratio > 1000) ratio = d.seedRatio;
        TreeSet<String> kept = new TreeSet<>();
        for (JsonNode n : json.path("kept")) {
            if (Infohash.isInfohash(n.asText())) kept.add(Infohash.normalize(n.asText()));
        }
        return new Settings(port > 0 && port < 65536 ? port : 0, up, down, json.path("portMapping").asBoolean(d.portMapping),
                quota, named(Seeding.class, json.path("seeding").asText(""), d.seeding),
                ratio, named(Theme.class, json.path("theme").asText(""), d.theme), kept);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, E fallback) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Writes {@code settings.json} atomically, keeping keys it does not know. */
    public void save(Home home) {
        save(home.settingsFile());
    }

    void save(Path file) {
        ObjectNode json = null;
        try {
            if (Files.exists(file)) {
                JsonNode old = Json.MAPPER.readTree(file.toFile());
                if (old instanceof ObjectNode o) json = o;
            }
        } catch (IOException e) {
            LOG.warn("replacing unreadable {}: {}", file, e.getMessage());
        }
        if (json == null) json = Json.MAPPER.createObjectNode();
        if (listenPort > 0) json.put("listenPort", listenPort);
        else json.remove("listenPort");
        json.put("uploadLimit", uploadLimit);
        json.put("downloadLimit", downloadLimit);
        json.put("portMapping", portMapping);
        json.put("storageQuota", storageQuota);
        json.put("seeding", seeding.name().toLowerCase(Locale.ROOT));
        json.put("seedRatio", seedRatio);
        json.put("theme", theme.name().toLowerCase(Locale.ROOT));
        ArrayNode keptArray = json.putArray("kept");
        new TreeSet<>(kept).forEach(keptArray::add);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), json);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the settings in " + file + ": " + e.getMessage(), e);
        }
    }
}
