package org.swarmtube.catalog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one byte form of catalog JSON, and the strict reader. */
class CanonicalJsonTest {
    private static final CanonicalJson.Reader READER = CanonicalJson.reader(1000, 50, 100);

    @Test
    void sortsKeysWritesNoWhitespaceAndEscapesOnlyWhatJsonRequires() {
        ObjectNode json = CanonicalJson.object();
        json.put("z", 1);
        json.put("a", "é \"q\" \\ / \n\t\u0001\u007f 😀");
        json.put("m", -9_007_199_254_740_993L);
        json.putArray("b").add("x").add(2);
        assertThat(new String(CanonicalJson.encode(json), StandardCharsets.UTF_8)).isEqualTo(
                "{\"a\":\"é \\\"q\\\" \\\\ / \\n\\t\\u0001\u007f 😀\",\"b\":[\"x\",2],\"m\":-9007199254740993,\"z\":1}");
    }

    @Test
    void refusesValuesWithoutACanonicalForm() {
        ObjectNode json = CanonicalJson.object();
        json.put("f", 1.5);
        assertThatThrownBy(() -> CanonicalJson.encode(json)).hasMessageContaining("not an integer");
        ObjectNode bool = CanonicalJson.object();
        bool.put("b", true);
        assertThatThrownBy(() -> CanonicalJson.encode(bool)).hasMessageContaining("not allowed");
        ObjectNode surrogate = CanonicalJson.object();
        surrogate.put("s", "a\ud800b");
        assertThatThrownBy(() -> CanonicalJson.encode(surrogate)).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void readerAcceptsOnlyTheCanonicalBytes() throws Exception {
        assertThat(READER.read(bytes("{\"a\":1,\"b\":\"x\"}"), "doc").get("b").textValue()).isEqualTo("x");
        assertRefused("{\"b\":\"x\",\"a\":1}", "not in canonical form");
        assertRefused("{\"a\": 1}", "not in canonical form");
        assertRefused("{\"a\":1.0}", "not an integer");
        assertRefused("{\"a\":1e2}", "not an integer");
        assertRefused("{\"a\":-0}", "not in canonical form");
        assertRefused("{\"a\":\"\\u0041\"}", "not in canonical form");
        assertRefused("{\"a\":1,\"a\":2}", "Duplicate field");
        assertRefused("{\"a\":1}{}", "malformed JSON");
        assertRefused("{\"a\":", "malformed JSON");
        assertRefused("[1]", "not a JSON object");
        assertRefused("{\"a\":null}", "not allowed");
        assertRefused("{\"a\":99999999999999999999}", "does not fit in 64 bits");
        assertRefused("{\"a\":\"" + "x".repeat(51) + "\"}", "exceeds a size limit");
        assertRefused("{\"a\":[[[[[1]]]]]}", "exceeds a size limit");
        assertRefused("{\"a\":\"" + "x".repeat(40) + "\",\"b\":\"" + "x".repeat(1000) + "\"}", "over the limit of 1000");
    }

    private static void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> READER.read(bytes(json), "doc")).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("doc ").hasMessageContaining(reason);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
