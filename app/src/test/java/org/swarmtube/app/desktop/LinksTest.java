package org.swarmtube.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinksTest {
    private static final String KEY = "ab".repeat(32);

    @TempDir
    Path tmp;

    @Test
    void aChannelLinkOpensTheChannelWithItsPeerHints() {
        Links.Target target = Links.parse("  magnet:?xs=urn:btpk:" + KEY + "&s=737761726d74756265&x.pe=127.0.0.1:6881 ");
        assertThat(target).isInstanceOf(Links.ChannelTarget.class);
        assertThat(((Links.ChannelTarget) target).link().publicKeyHex()).isEqualTo(KEY);
        assertThat(((Links.ChannelTarget) target).link().peers()).containsExactly("127.0.0.1:6881");
    }

    @Test
    void aVideoMagnetPlaysTheVideo() {
        Links.Target target = Links.parse("magnet:?xt=urn:btih:" + "c".repeat(40) + "&dn=Night%20ferry");
        assertThat(target).isInstanceOf(Links.VideoTarget.class);
        assertThat(((Links.VideoTarget) target).title()).isEqualTo("Night ferry");
        assertThat(((Links.VideoTarget) Links.parse("magnet:?xt=urn:btih:" + "c".repeat(40))).title()).isEqualTo("Video cccccccc");
    }

    @Test
    void whatIsNoLinkIsRefusedWithASentence() {
        assertThatThrownBy(() -> Links.parse("https://example.org/v.mp4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'https://example.org/v.mp4' is not a channel or video link; links start with 'magnet:?'");
        assertThatThrownBy(() -> Links.parse("magnet:?xs=urn:btpk:1234")).hasMessageStartingWith("malformed channel link");
        assertThatThrownBy(() -> Links.parse("magnet:?dn=x")).hasMessageContaining("xt=urn:btih:");
        assertThatThrownBy(() -> Links.parse(" ")).hasMessage("there is no link to open");
        assertThatThrownBy(() -> Links.parse(tmp.resolve("missing.torrent").toString())).hasMessageEndingWith("no such file");
    }

    @Test
    void aTorrentFileOpensByItsInfohash() throws Exception {
        byte[] info = "d6:lengthi1000e4:name8:clip.mp412:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaae"
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream torrent = new ByteArrayOutputStream();
        torrent.write("d8:announce30:http://127.0.0.1:6969/announce13:creation datei1700000000e4:info".getBytes(StandardCharsets.ISO_8859_1));
        torrent.write(info);
        torrent.write('e');
        Path file = Files.write(tmp.resolve("clip file.torrent"), torrent.toByteArray());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(info));

        for (String text : new String[] {file.toString(), file.toUri().toString()}) {
            Links.VideoTarget target = (Links.VideoTarget) Links.parse(text);
            assertThat(target.magnet().infohash()).isEqualTo(expected);
            assertThat(target.title()).isEqualTo("clip.mp4");
            assertThat(target.magnet().trackers()).containsExactly("http://127.0.0.1:6969/announce");
        }
        Path junk = Files.writeString(tmp.resolve("junk.torrent"), "hello");
        assertThatThrownBy(() -> Links.parse(junk.toString())).hasMessageContaining("is not a torrent file");
    }

    @Test
    void theCommandLineTellsLinksFromVerbs() {
        assertThat(Links.looksLikeLink("magnet:?xs=urn:btpk:" + KEY)).isTrue();
        assertThat(Links.looksLikeLink("file:///home/me/a.torrent")).isTrue();
        assertThat(Links.looksLikeLink("a.torrent")).isTrue();
        assertThat(Links.looksLikeLink("frobnicate")).isFalse();
        assertThat(Links.looksLikeLink("status")).isFalse();
    }

    @Test
    void tagsAreACommaSeparatedListAndTheFolderIsSuggested() {
        assertThat(PublishDialog.parseTags(" sea, boats,, sea ,")).containsExactly("sea", "boats");
        assertThat(PublishDialog.suggestedTags(Path.of("/home/me/Holidays_2023/a.mp4"))).containsExactly("holidays 2023");
        assertThat(PublishDialog.suggestedTags(Path.of("/home/me/Videos/a.mp4"))).isEmpty();
        assertThat(PublishDialog.suggestedTags(Path.of("/home/me/Downloads/a.mp4"))).isEmpty();
    }
}
