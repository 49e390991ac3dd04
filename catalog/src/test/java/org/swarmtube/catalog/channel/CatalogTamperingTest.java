package org.swarmtube.catalog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.swarmtube.catalog.channel.Fixtures.ALICE;
import static org.swarmtube.catalog.channel.Fixtures.MALLORY;
import static org.swarmtube.catalog.channel.Fixtures.bytes;
import static org.swarmtube.catalog.channel.Fixtures.profile;
import static org.swarmtube.catalog.channel.Fixtures.resign;
import static org.swarmtube.catalog.channel.Fixtures.text;
import static org.swarmtube.catalog.channel.Fixtures.video;
import static org.swarmtube.catalog.channel.Fixtures.videos;

import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Every way a catalog from a peer can be wrong is refused with a sentence. Where the point is a
 * check beyond the signature, the tampered files are re-signed with the channel's real key, so
 * only that check can catch them.
 */
class CatalogTamperingTest {
    private static final String PACK0 = "packs/000000.jsonl";
    private final SortedMap<String, byte[]> files = CatalogLayout.toFiles(
            SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 5, 2000)));

    @Test
    void untamperedFilesAreAccepted() throws Exception {
        assertThat(CatalogLayout.fromFiles(files, ALICE.publicKey()).videos()).hasSize(5);
        assertThat(CatalogLayout.fromFiles(resign(files, ALICE, 9, 5, 5), ALICE.publicKey()).seq()).isEqualTo(9);
    }

    @Test
    void aBadSignatureIsRefused() {
        String head = text(files.get("head.json"));
        int sig = head.indexOf("\"sig\":\"") + 7;
        char flipped = head.charAt(sig + 5) == '0' ? '1' : '0';
        Map<String, byte[]> tampered = with("head.json", head.substring(0, sig + 5) + flipped + head.substring(sig + 6));
        refused(tampered).hasMessageContaining("signature does not verify");
        refused(with("head.json", head.replace("\"seq\":2,", "\"seq\":3,"))).hasMessageContaining("signature does not verify");
    }

    @Test
    void aCatalogSignedByAnotherKeyIsRefused() {
        SortedMap<String, byte[]> mallorys = resign(files, MALLORY, 99, 5, 5);
        refused(mallorys).hasMessageContaining("signed by another key").hasMessageContaining(MALLORY.publicKeyHex());
        // claiming to be Alice's head but signed by Mallory
        String head = text(mallorys.get("head.json")).replace(MALLORY.publicKeyHex(), ALICE.publicKeyHex());
        Map<String, byte[]> relabelled = new TreeMap<>(mallorys);
        relabelled.put("head.json", bytes(head));
        assertThatThrownBy(() -> CatalogLayout.fromFiles(relabelled, ALICE.publicKey()))
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void anAlteredPackOrProfileIsRefusedByItsHash() {
        refused(with(PACK0, text(files.get(PACK0)).replace("part 3", "part 9"))).hasMessageContaining(
                PACK0 + " does not match its hash in head.json");
        refused(with("profile.json", text(files.get("profile.json")).replace("Alpine", "Alpina")))
                .hasMessageContaining("profile.json does not match its hash");
        SortedMap<String, byte[]> older = CatalogLayout.toFiles(
                SignedCatalog.create(ALICE, profile()).withVideos(ALICE, videos(0, 4, 2000)));
        refused(with(PACK0, text(older.get(PACK0)))).hasMessageContaining("does not match its hash");
    }

    @Test
    void oversizedFieldsAreRefusedEvenWhenSigned() {
        String pack = text(files.get(PACK0));
        refusedSigned(pack.replace(video(1, 0).title(), "x".repeat(301)), "record 1: the title is longer than 300");
        refusedSigned(pack.replace("\"tags\":[\"hiking\",", "\"tags\":[" + "\"t\",".repeat(51)), "'tags' has 53 items");
        String bigThumbnail = Base64.getEncoder().encodeToString(Fixtures.jpeg(CatalogLimits.MAX_THUMBNAIL_BYTES + 3, 7).bytes());
        refusedSigned(replaceThumbnail(pack, bigThumbnail), "record 0 exceeds a size limit: String value length");
        String notJpeg = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6});
        refusedSigned(replaceThumbnail(pack, notJpeg), "record 0: the image is not a JPEG");
        refusedSigned(pack.replace("\"width\":1280", "\"width\":99999"), "field 'width' must be an integer from 0 to 16384");
        refusedSigned(pack.replace("\"n\":2,", "\"n\":7,"), "record 2 is numbered 7");
    }

    @Test
    void oversizedFilesAreRefusedBeforeAnyParsing() {
        byte[] huge = new byte[CatalogLimits.MAX_PACK_BYTES + 1];
        refused(with(PACK0, huge)).hasMessageContaining(PACK0 + " is 1048577 bytes, over the limit of 1048576");
        refused(with("head.json", new byte[CatalogLimits.MAX_HEAD_BYTES + 1])).hasMessageContaining("over the limit");
        Map<String, byte[]> many = new TreeMap<>(files);
        for (int i = 1; i <= CatalogLimits.MAX_PACKS + 1; i++) many.put(FileNames.pack(i), new byte[1]);
        refused(many).hasMessageContaining("files, more than the limit");
        String lines = "{}\n".repeat(CatalogLimits.MAX_RECORDS_PER_PACK + 1);
        refusedSigned(lines, "holds 129 records, more than the limit of 128");
    }

    @Test
    void malformedJsonIsRefused() {
        refused(with("head.json", "{\"channel\":\n")).hasMessageContaining("head.json is malformed JSON");
        refused(with("head.json", "garbage")).hasMessageContaining("does not end with a line feed");
        String pack = text(files.get(PACK0));
        refusedSigned("{\"schema\":1,\n" + pack, "record 0 is malformed JSON");
        refusedSigned(pack.replace("\"height\":720,", "\"height\":720.0,"), "not an integer");
        refusedSigned(pack.replace("\"height\":720,", "\"height\": 720,"), "not in canonical form");
        refusedSigned(pack.replace("\"height\":720,", "\"height\":720,\"height\":720,"), "Duplicate field");
        refusedSigned(pack.replace("\"title\":\"Video", "\"title\":\" Video"), "not in canonical form: a field is not normalised");
        refusedSigned(pack.replace("\"height\":720,", "\"height\":720,\"hidden\":\"x\","), "unknown field 'hidden'");
        refusedSigned(pack.replace("\"schema\":1,", "\"schema\":2,"), "uses catalog schema 2");
        refusedSigned(pack.replace("\"type\":\"video\"", "\"type\":\"vide\\no\""), "unknown type 'vide?o'");
        refusedSigned(pack + "\n", "has an empty line");
        refusedSigned(pack.substring(0, pack.length() - 1), "does not end with a line feed");
    }

    @Test
    void headCountsMustMatchTheRecords() {
        assertThatThrownBy(() -> CatalogLayout.fromFiles(resign(files, ALICE, 3, 6, 5), ALICE.publicKey()))
                .hasMessageContaining("says the catalog has 6 records, the packs hold 5");
        assertThatThrownBy(() -> CatalogLayout.fromFiles(resign(files, ALICE, 3, 5, 4), ALICE.publicKey()))
                .hasMessageContaining("says the catalog has 4 videos, the records leave 5");
    }

    @Test
    void missingAndExtraFilesAreRefused() {
        Map<String, byte[]> noPack = new TreeMap<>(files);
        noPack.remove(PACK0);
        refused(noPack).hasMessageContaining("the catalog has no " + PACK0);
        Map<String, byte[]> noProfile = new TreeMap<>(files);
        noProfile.remove("profile.json");
        refused(noProfile).hasMessageContaining("the catalog has no profile.json");
        refused(with("packs/000001.jsonl", text(files.get(PACK0)))).hasMessageContaining("is not part of this catalog version");
        refused(with("README.txt", "hello")).hasMessageContaining("unexpected file 'README.txt'");
    }

    @Test
    void fileNamesThatLeaveTheCatalogDirectoryAreRefused() {
        for (String name : new String[] {"../head.json", "packs/../../etc/passwd", "/etc/passwd", "packs\\000000.jsonl",
                "..\\..\\evil", "C:/Windows/evil", "packs//000000.jsonl", "./head.json", "packs/000000.jsonl/..",
                "head.json\u0000", ""}) {
            assertThatThrownBy(() -> CatalogLayout.checkFileName(name)).as(name).isInstanceOf(CatalogException.class);
            Map<String, byte[]> tampered = new TreeMap<>(files);
            tampered.put(name, bytes("x"));
            assertThatThrownBy(() -> CatalogLayout.fromFiles(tampered, ALICE.publicKey())).as(name)
                    .isInstanceOf(CatalogException.class);
        }
        assertThatThrownBy(() -> CatalogLayout.checkFileName("packs/../../etc/passwd"))
                .hasMessageContaining("tries to leave the catalog directory");
        assertThatThrownBy(() -> CatalogLayout.checkFileName("/etc/passwd")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> CatalogLayout.checkFileName("..\\evil")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> CatalogLayout.checkFileName("packs/x.jsonl")).hasMessageContaining("unexpected file");
    }

    @Test
    void aReplayedOlderVersionIsRefusedBySeq() throws Exception {
        SignedCatalog held = CatalogLayout.fromFiles(files, ALICE.publicKey());
        SortedMap<String, byte[]> older = CatalogLayout.toFiles(SignedCatalog.create(ALICE, profile()));
        SignedCatalog replayed = CatalogLayout.fromFiles(older, ALICE.publicKey()); // genuine, but old
        assertThatThrownBy(() -> Seq.requireNewer(held, replayed)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("replayed or stale");
        assertThatThrownBy(() -> Seq.requireNewer(held.seq(), held.seq())).isInstanceOf(CatalogException.class);
    }

    private Map<String, byte[]> with(String name, String content) {
        return with(name, bytes(content));
    }

    private Map<String, byte[]> with(String name, byte[] content) {
        Map<String, byte[]> out = new TreeMap<>(files);
        out.put(name, content);
        return out;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, byte[]> tampered) {
        return assertThatThrownBy(() -> CatalogLayout.fromFiles(tampered, ALICE.publicKey()))
                .isInstanceOf(CatalogException.class);
    }

    /** The pack replaced and the head re-signed by Alice herself: only the pack's own checks remain. */
    private void refusedSigned(String pack, String reason) {
        Map<String, byte[]> tampered = resign(with(PACK0, pack), ALICE, 3, 5, 5);
        refused(tampered).hasMessageContaining(reason);
    }

    private static String replaceThumbnail(String pack, String base64) {
        int start = pack.indexOf("\"thumbnail\":\"") + 13;
        int end = pack.indexOf('"', start);
        return pack.substring(0, start) + base64 + pack.substring(end);
    }
}
