package org.swarmtube.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.swarm.RateLimits;

class SettingsTest {
    private static final String IH = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path tmp;

    @Test
    void aFreshDirectoryHasTheDefaults() {
        assertThat(Settings.load(Home.at(tmp.resolve("home")))).isEqualTo(Settings.DEFAULTS);
        assertThat(Settings.DEFAULTS.storageQuota()).isEqualTo(20_000_000_000L);
        assertThat(Settings.DEFAULTS.portMapping()).isTrue();
        assertThat(Settings.DEFAULTS.limits().isUnlimited()).isTrue();
        assertThat(Settings.DEFAULTS.theme()).as("the window's own look").isEqualTo(Settings.Theme.DARK);
    }

    @Test
    void savedSettingsReadBackEqualAndKeepKeysOthersWrote() throws Exception {
        Home home = Home.at(tmp.resolve("home"));
        Files.writeString(home.settingsFile(), "{\"listenPort\": 41234, \"windowWidth\": 1280}");
        Settings changed = Settings.load(home).withLimits(256_000, 1_000_000).withPortMapping(false)
                .withStorageQuota(5_000_000_000L).withSeeding(Settings.Seeding.RATIO, 1.5)
                .withTheme(Settings.Theme.LIGHT).withKept(IH.toUpperCase(), true);
        assertThat(changed.listenPort()).isEqualTo(41234);
        changed.save(home);

        Settings read = Settings.load(home);
        assertThat(read).isEqualTo(changed);
        assertThat(read.isKept(IH)).isTrue();
        String json = Files.readString(home.settingsFile());
        assertThat(json).contains("\"windowWidth\" : 1280", "\"uploadLimit\" : 256000", "\"theme\" : \"light\"",
                "\"seeding\" : \"ratio\"", "\"kept\" : [ \"" + IH + "\" ]");
        assertThat(read.withKept(IH, false).kept()).isEmpty();
    }

    @Test
    void aDamagedOrStrangeFileGivesDefaultsFieldByField() throws Exception {
        Home home = Home.at(tmp.resolve("home"));
        Files.writeString(home.settingsFile(), "{\"listenPort\": 99999, \"uploadLimit\": -5, \"theme\": \"purple\","
                + " \"seeding\": \"never\", \"seedRatio\": 0, \"kept\": [\"nonsense\", \"" + IH + "\"], \"storageQuota\": 0}");
        Settings read = Settings.load(home);
        assertThat(read.listenPort()).isZero();
        assertThat(read.uploadLimit()).isZero();
        assertThat(read.theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(read.seeding()).isEqualTo(Settings.Seeding.NEVER);
        assertThat(read.seedRatio()).isEqualTo(Settings.DEFAULT_RATIO);
        assertThat(read.kept()).containsExactly(IH);
        assertThat(read.storageQuota()).as("0 is a choice: no limit").isZero();

        Files.writeString(home.settingsFile(), "{not json");
        assertThat(Settings.load(home)).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void commandLineLimitsWinPerDirection() {
        Settings s = Settings.DEFAULTS.withLimits(100_000, 200_000);
        assertThat(s.limitsUnder(RateLimits.UNLIMITED)).isEqualTo(new RateLimits(100_000, 200_000));
        assertThat(s.limitsUnder(new RateLimits(5_000, 0))).isEqualTo(new RateLimits(5_000, 200_000));
    }

    @Test
    void badValuesAreRefusedWithASentence() {
        assertThatThrownBy(() -> Settings.DEFAULTS.withListenPort(70_000)).hasMessage("the listen port must be between 1 and 65535");
        assertThatThrownBy(() -> Settings.DEFAULTS.withLimits(-1, 0)).hasMessage("a rate limit cannot be negative");
        assertThatThrownBy(() -> Settings.DEFAULTS.withStorageQuota(-1)).hasMessage("the storage quota cannot be negative");
        assertThatThrownBy(() -> Settings.DEFAULTS.withSeeding(Settings.Seeding.RATIO, 0))
                .hasMessageContaining("ratio must be above 0");
    }

    @Test
    void onlyPortAndPortMappingWaitForARestart() {
        Settings s = Settings.DEFAULTS;
        assertThat(s.restartNeededFor(s.withListenPort(5000))).isTrue();
        assertThat(s.restartNeededFor(s.withPortMapping(false))).isTrue();
        assertThat(s.restartNeededFor(s.withLimits(1, 1).withTheme(Settings.Theme.DARK).withStorageQuota(1))).isFalse();
    }

    @Test
    void theStoreSavesAndTellsListenersUntilTheyLeave() {
        Home home = Home.at(tmp.resolve("home"));
        SettingsStore store = new SettingsStore(home);
        List<Settings.Theme> seen = new ArrayList<>();
        SettingsStore.Registration registration = store.listen(s -> seen.add(s.theme()));
        store.listen(s -> {
            throw new IllegalStateException("a broken listener does not stop the others");
        });
        store.update(s -> s.withTheme(Settings.Theme.LIGHT));
        store.update(s -> s.withTheme(Settings.Theme.LIGHT)); // no change, no call
        registration.close();
        store.update(s -> s.withTheme(Settings.Theme.DARK));
        assertThat(seen).containsExactly(Settings.Theme.LIGHT);
        assertThat(new SettingsStore(home).current().theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(Set.of(store.current().kept())).hasSize(1);
    }
}
