package org.swarmtube.catalog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 identity: RFC 8032 and BEP 44 vectors, raw key conversions, the owner-only key file. */
class IdentityTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void rfc8032Test1SeedGivesPublicKeyAndSignatureOfEmptyMessage() {
        Identity id = Identity.fromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(id.publicKeyHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature = id.sign(new byte[0]);
        assertThat(HEX.formatHex(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Identity.verify(id.publicKey(), new byte[0], signature)).isTrue();
    }

    @Test
    void rfc8032Test2OneByteMessage() {
        Identity id = Identity.fromSeed(HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertThat(id.publicKeyHex()).isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        assertThat(HEX.formatHex(id.sign(new byte[] {0x72}))).isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b54"
                + "16503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    @Test
    void bep44MutableItemVectorsVerifyWithRawKey() {
        byte[] key = HEX.parseHex("77ff84905a91936367c01360803104f92432fcd904a43511876df5cdf3e7e548");
        byte[] plain = "3:seqi1e1:v12:Hello World!".getBytes(StandardCharsets.US_ASCII);
        byte[] salted = "4:salt6:foobar3:seqi1e1:v12:Hello World!".getBytes(StandardCharsets.US_ASCII);
        assertThat(Identity.verify(key, plain, HEX.parseHex("305ac8aeb6c9c151fa120f120ea2cfb923564e11552d06a5d856091e5e"
                + "853cff1260d3f39e4999684aa92eb73ffd136e6f4f3ecbfda0ce53a1608ecd7ae21f01"))).isTrue();
        assertThat(Identity.verify(key, salted, HEX.parseHex("6834284b6b24c3204eb2fea824d82f88883a3d95e8b4a21b8c0ded553d"
                + "17d17ddf9a8a7104b1258f30bed3787e6cb896fca78c58f8e03b5f18f14951a87d9a08"))).isTrue();
    }

    @Test
    void rawPublicKeyIsTheLast32BytesOfX509AndSeedTheLast32OfPkcs8() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] raw = Ed25519.rawPublicKey(pair.getPublic());
        byte[] seed = Ed25519.seed(pair.getPrivate());
        assertThat(raw).hasSize(32).isEqualTo(java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        assertThat(seed).hasSize(32).isEqualTo(java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length));
        assertThat(Ed25519.publicKey(raw).getEncoded()).isEqualTo(x509);
        assertThat(Identity.fromSeed(seed).publicKey()).isEqualTo(raw);
    }

    @Test
    void verifyIsFalseForAnyBadInput() {
        Identity id = Identity.generate();
        byte[] message = "catalog".getBytes(StandardCharsets.UTF_8);
        byte[] signature = id.sign(message);
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xff);
        assertThat(Identity.verify(id.publicKey(), message, signature)).isTrue();
        assertThat(Identity.verify(id.publicKey(), message, flipped)).isFalse();
        assertThat(Identity.verify(Identity.generate().publicKey(), message, signature)).isFalse();
        assertThat(Identity.verify(id.publicKey(), "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Identity.verify(java.util.Arrays.copyOf(id.publicKey(), 31), message, signature)).isFalse();
        assertThat(Identity.verify(id.publicKey(), message, java.util.Arrays.copyOf(signature, 63))).isFalse();
        assertThat(Identity.verify(notAPoint, message, signature)).isFalse();
    }

    @Test
    void firstStartCreatesAnOwnerOnlyKeyFileAndLaterStartsLoadIt() throws Exception {
        Path keyFile = dir.resolve("data/identity.json");
        Identity first = Identity.loadOrCreate(keyFile);
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Identity.loadOrCreate(keyFile)).isEqualTo(first);
        assertThat(Identity.load(keyFile).publicKeyHex()).isEqualTo(first.publicKeyHex());
        try (var leftovers = Files.list(keyFile.getParent())) {
            assertThat(leftovers).containsExactly(keyFile); // no temporary file left behind
        }
    }

    @Test
    void keyFileHasTheDocumentedFormat() throws Exception {
        Identity id = Identity.fromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Path file = dir.resolve("export.json");
        id.exportTo(file);
        assertThat(Files.readString(file)).isEqualTo("{\"format\":\"swarmtube-identity\",\"publicKey\":"
                + "\"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a\",\"seed\":"
                + "\"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60\",\"version\":1}\n");
        assertThat(id.toString()).doesNotContain("9d61b19d");
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path keyFile = dir.resolve("identity.json");
        Identity.loadOrCreate(keyFile);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Identity.load(keyFile)).isInstanceOf(IdentityException.class)
                .hasMessageContaining("other users may access it").hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> Identity.loadOrCreate(keyFile)).isInstanceOf(IdentityException.class);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw--w----"));
        assertThatThrownBy(() -> Identity.load(keyFile)).hasMessageContaining("rw--w----");
    }

    @Test
    void exportAndImportCarryTheIdentityToASecondMachine() throws Exception {
        Identity original = Identity.loadOrCreate(dir.resolve("a/identity.json"));
        Path stick = dir.resolve("usb/channel-key.json");
        original.exportTo(stick);
        assertThat(Files.getPosixFilePermissions(stick))
                .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        Files.setPosixFilePermissions(stick, PosixFilePermissions.fromString("rw-rw-rw-")); // a FAT stick, say

        Identity imported = Identity.importFrom(stick);
        Path secondKeyFile = dir.resolve("b/identity.json");
        imported.exportTo(secondKeyFile);
        Identity second = Identity.load(secondKeyFile);

        byte[] message = "3:seqi7e1:v4:test".getBytes(StandardCharsets.US_ASCII);
        assertThat(second.publicKey()).isEqualTo(original.publicKey());
        assertThat(second.sign(message)).isEqualTo(original.sign(message));
    }

    @Test
    void exportNeverOverwrites() throws Exception {
        Path file = dir.resolve("identity.json");
        Identity.generate().exportTo(file);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Identity.generate().exportTo(file)).isInstanceOf(IdentityException.class)
                .hasMessageContaining("will not overwrite");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void damagedOrForeignFilesAreRefusedWithAReason() throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> Identity.importFrom(file)).hasMessageContaining("not an identity file");
        Files.writeString(file, "{\"format\":\"something-else\"}");
        assertThatThrownBy(() -> Identity.importFrom(file)).hasMessageContaining("not an identity file");
        Files.writeString(file, "{\"format\":\"swarmtube-identity\",\"version\":2}");
        assertThatThrownBy(() -> Identity.importFrom(file)).hasMessageContaining("version 2");
        String seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        String wrongPublic = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        Files.writeString(file, "{\"format\":\"swarmtube-identity\",\"publicKey\":\"" + wrongPublic
                + "\",\"seed\":\"" + seed + "\",\"version\":1}");
        assertThatThrownBy(() -> Identity.importFrom(file)).hasMessageContaining("damaged")
                .hasMessageContaining("does not give its public key");
        Files.writeString(file, "{\"format\":\"swarmtube-identity\",\"publicKey\":\"" + wrongPublic
                + "\",\"seed\":\"abc\",\"version\":1}");
        assertThatThrownBy(() -> Identity.importFrom(file)).hasMessageContaining("\"seed\" must be 64");
        Files.write(file, new byte[KeyFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> Identity.importFrom(file)).hasMessageContaining("too large");
        assertThatThrownBy(() -> Identity.importFrom(dir.resolve("missing.json"))).hasMessageContaining("no identity file");
        assertThatThrownBy(() -> Identity.fromSeed(new byte[31])).hasMessageContaining("32 bytes");
    }
}
