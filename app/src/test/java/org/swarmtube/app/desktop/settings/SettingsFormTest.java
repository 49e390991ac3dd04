package org.swarmtube.app.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmtube.app.Library;
import org.swarmtube.app.Settings;

class SettingsFormTest {
    private static SettingsForm.Fields with(String up, String down, String port, String quota, Settings.Seeding seeding,
                                            String ratio) {
        return new SettingsForm.Fields(up, down, port, true, quota, seeding, ratio, Settings.Theme.DARK);
    }

    @Test
    void fieldsShowTheSettingsInFriendlyUnits() {
        Settings s = Settings.DEFAULTS.withLimits(256_000, 1_500_000).withListenPort(41234)
                .withSeeding(Settings.Seeding.RATIO, 1.5);
        SettingsForm.Fields f = SettingsForm.fields(s);
        assertThat(f.uploadKBps()).isEqualTo("256");
        assertThat(f.downloadKBps()).isEqualTo("1500");
        assertThat(f.listenPort()).isEqualTo("41234");
        assertThat(f.quotaGB()).isEqualTo("20");
        assertThat(f.ratio()).isEqualTo("1.5");
        assertThat(SettingsForm.fields(Settings.DEFAULTS).uploadKBps()).isEmpty();
        assertThat(SettingsForm.parse(f, s)).isEqualTo(s);
    }

    @Test
    void parsingAcceptsDecimalsAndEmptyForNone() {
        Settings s = SettingsForm.parse(with("12.5", "", "", "0,5", Settings.Seeding.NEVER, ""), Settings.DEFAULTS);
        assertThat(s.uploadLimit()).isEqualTo(12_500);
        assertThat(s.downloadLimit()).isZero();
        assertThat(s.listenPort()).isZero();
        assertThat(s.storageQuota()).isEqualTo(500_000_000L);
        assertThat(s.seeding()).isEqualTo(Settings.Seeding.NEVER);
        assertThat(s.theme()).isEqualTo(Settings.Theme.DARK);
    }

    @Test
    void badInputIsOneSentenceNamingTheField() {
        assertThatThrownBy(() -> SettingsForm.parse(with("fast", "", "", "", Settings.Seeding.ALWAYS, ""), Settings.DEFAULTS))
                .hasMessage("The upload limit must be a number of KB/s, like 500, or empty for none.");
        assertThatThrownBy(() -> SettingsForm.parse(with("", "-3", "", "", Settings.Seeding.ALWAYS, ""), Settings.DEFAULTS))
                .hasMessage("The download limit cannot be negative.");
        assertThatThrownBy(() -> SettingsForm.parse(with("", "", "80000", "", Settings.Seeding.ALWAYS, ""), Settings.DEFAULTS))
                .hasMessageStartingWith("The listen port must be a number from 1 to 65535");
        assertThatThrownBy(() -> SettingsForm.parse(with("", "", "", "lots", Settings.Seeding.ALWAYS, ""), Settings.DEFAULTS))
                .hasMessage("The storage quota must be a number of GB, like 20, or empty for none.");
        assertThatThrownBy(() -> SettingsForm.parse(with("", "", "", "", Settings.Seeding.RATIO, "0"), Settings.DEFAULTS))
                .hasMessageStartingWith("The seeding ratio must be a number above 0");
    }

    @Test
    void theNoteAfterSavingSaysWhatWaitsAndWhatWasRemoved() {
        Settings before = Settings.DEFAULTS.withListenPort(41234);
        assertThat(SettingsForm.savedNote(before, before.withLimits(1000, 0), new Library.Enforcement(List.of(), List.of())))
                .isEqualTo("Saved.");
        Library.Enforcement evicted = new Library.Enforcement(List.of(
                new Library.Eviction("a", "A", 20_000_000, Instant.now()), new Library.Eviction("b", "B", 11_000_000, Instant.now())),
                List.of("c"));
        assertThat(SettingsForm.savedNote(before, before.withListenPort(5000).withPortMapping(false), evicted))
                .isEqualTo("Saved. The listen port and port mapping apply after restart. Removed 2 watched videos (31.0 MB)"
                        + " to stay within the storage quota. Stopped seeding 1 video under the new policy.");
    }
}
