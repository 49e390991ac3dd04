package org.swarmtube.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmtube.catalog.channel.Identity;

class IdentityTransferTest {
    @TempDir
    Path tmp;

    @Test
    void exportThenImportElsewhereMovesTheChannelAndKeepsTheReplacedKey() throws Exception {
        Home a = Home.at(tmp.resolve("a"));
        Home b = Home.at(tmp.resolve("b"));
        String keyA = Identity.loadOrCreate(a.identityFile()).publicKeyHex();
        String keyB = Identity.loadOrCreate(b.identityFile()).publicKeyHex();

        Path exported = tmp.resolve("usb/channel.json");
        assertThat(IdentityTransfer.exportTo(a, exported)).isEqualTo(keyA);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(exported))).isEqualTo("rw-------");
        assertThatThrownBy(() -> IdentityTransfer.exportTo(a, exported)).hasMessageContaining("will not overwrite");

        IdentityTransfer.Imported imported = IdentityTransfer.importFrom(b, exported);
        assertThat(imported.changed()).isTrue();
        assertThat(imported.publicKeyHex()).isEqualTo(keyA);
        assertThat(IdentityTransfer.onDisk(b)).contains(keyA);
        Path previous = imported.previous().orElseThrow();
        assertThat(Identity.load(previous).publicKeyHex()).isEqualTo(keyB);
        assertThat(previous.getFileName().toString()).startsWith("identity-" + keyB.substring(0, 16) + "-replaced-");

        assertThat(IdentityTransfer.importFrom(b, exported).changed()).as("the same key again").isFalse();
    }

    @Test
    void aFileThatIsNoIdentityChangesNothing() throws Exception {
        Home a = Home.at(tmp.resolve("a"));
        String key = Identity.loadOrCreate(a.identityFile()).publicKeyHex();
        Path junk = Files.writeString(tmp.resolve("junk.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> IdentityTransfer.importFrom(a, junk)).isInstanceOf(RuntimeException.class);
        assertThat(IdentityTransfer.onDisk(a)).contains(key);
        try (var files = Files.list(a.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("identity-"));
        }
    }
}
