package org.swarmtube.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void theChoiceIsRememberedAndTheDefaultForgetsIt() {
        DataDirectory choice = new DataDirectory(tmp.resolve("config/swarmtube/data-directory"));
        assertThat(choice.preferred()).isEqualTo(Home.defaultDir());
        choice.choose(tmp.resolve("videos/swarmtube"));
        assertThat(choice.preferred()).isEqualTo(tmp.resolve("videos/swarmtube"));
        assertThat(new DataDirectory(tmp.resolve("config/swarmtube/data-directory")).preferred())
                .isEqualTo(tmp.resolve("videos/swarmtube"));
        choice.choose(Home.defaultDir());
        assertThat(Files.exists(tmp.resolve("config/swarmtube/data-directory"))).isFalse();
    }

    @Test
    void aDirectoryFullOfOtherFilesOrAFileIsRefused() throws Exception {
        DataDirectory choice = new DataDirectory(tmp.resolve("pointer"));
        Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(tmp.resolve("docs/letter.txt"), "hello");
        assertThatThrownBy(() -> choice.choose(tmp.resolve("docs"))).hasMessageContaining("already holds other files");
        assertThatThrownBy(() -> choice.choose(tmp.resolve("docs/letter.txt"))).hasMessageEndingWith("is a file, not a directory");
        Home other = Home.at(tmp.resolve("other"));
        Settings.DEFAULTS.save(other);
        choice.choose(other.dir());
        assertThat(choice.preferred()).isEqualTo(other.dir());
    }
}
