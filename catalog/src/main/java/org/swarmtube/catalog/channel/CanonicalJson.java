package org.swarmtube.catalog.channel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The one byte form of a JSON value that gets signed and hashed, and the strict reader for peer JSON.
 *
 * <p>Canonical form (a subset of RFC 8785 JCS, enough for the catalog): UTF-8; no whitespace;
 * object keys sorted by UTF-16 code units; strings escaped only where JSON requires it
 * ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other controls as lower-case <code>&#92;u00xx</code>),
 * everything else written as itself; numbers only as 64-bit integers in plain decimal. No floats,
 * booleans or nulls: an absent optional field is a missing key. One value has one byte form, so a
 * catalog rebuilt on another machine hashes to the same bytes.
 *
 * <p>The reader enforces a byte limit before Jackson sees a byte, then Jackson's
 * {@link StreamReadConstraints} (string, name and number lengths, nesting, token count) while it
 * streams, and rejects duplicate keys and trailing content.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /** A new empty object node. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The canonical bytes of a value built from objects, arrays, strings and integral numbers.
     *
     * @throws IllegalArgumentException naming the first value that has no canonical form
     */
    static byte[] encode(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Builds a strict reader for documents of at most {@code maxBytes}. */
    static Reader reader(int maxBytes, int maxStringChars, int maxTokens) {
        return new Reader(maxBytes, maxStringChars, maxTokens);
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            Collections.sort(names); // String order is UTF-16 code unit order, as JCS requires
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) out.append(',');
                writeString(names.get(i), out);
                out.append(':');
                write(value.get(names.get(i)), out);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = value.elements();
            for (int i = 0; items.hasNext(); i++) {
                if (i > 0) out.append(',');
                write(items.next(), out);
            }
            out.append(']');
        } else if (value.isTextual()) {
            writeString(value.textValue(), out);
        } else if (value.isIntegralNumber() && value.canConvertToLong() && !value.isBigInteger()) {
            out.append(value.longValue());
        } else if (value.isBigInteger()) {
            throw new IllegalArgumentException("the number " + value + " does not fit in 64 bits");
        } else if (value.isNumber()) {
            throw new IllegalArgumentException("the number " + value + " is not an integer");
        } else {
            throw new IllegalArgumentException("a " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                    + " value is not allowed (only objects, arrays, strings and integers)");
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        int run = 0; // start of the pending stretch that needs no escaping: appended in one go
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                // UTF-8 cannot carry half a character; such text has no canonical bytes
                throw new IllegalArgumentException("a string contains an unpaired surrogate (\\u"
                        + String.format("%04x", (int) c) + ")");
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append(s, run, s.length());
        out.append('"');
    }

    /** Parses peer JSON under fixed limits and insists that it is already canonical. */
    static final class Reader {
        private final int maxBytes;
        private final ObjectMapper mapper;

        private Reader(int maxBytes, int maxStringChars, int maxTokens) {
            this.maxBytes = maxBytes;
            JsonFactory factory = JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(maxBytes)
                            .maxStringLength(maxStringChars)
                            .maxNameLength(64)
                            .maxNumberLength(20)
                            .maxNestingDepth(4)
                            .maxTokenCount(maxTokens)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();
            this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        }

        int maxBytes() {
            return maxBytes;
        }

        /**
         * Parses {@code bytes[from, to)} as one JSON object in canonical form.
         *
         * @param what names the document in messages, e.g. "head.json" or "record 17"
         */
        ObjectNode read(byte[] bytes, int from, int to, String what) throws CatalogException {
            ObjectNode tree = parse(bytes, from, to, what);
            requireCanonical(tree, bytes, from, to, what);
            return tree;
        }

        /**
         * Parses {@code bytes[from, to)} as one JSON object under the limits, without the canonical
         * check: for callers that compare the bytes with a re-encoding of their own anyway.
         */
        ObjectNode parse(byte[] bytes, int from, int to, String what) throws CatalogException {
            int length = to - from;
            if (length > maxBytes) {
                throw new CatalogException(what + " is " + length + " bytes, over the limit of " + maxBytes);
            }
            JsonNode tree;
            try {
                tree = mapper.readTree(bytes, from, length);
            } catch (StreamConstraintsException e) {
                throw new CatalogException(what + " exceeds a size limit: " + e.getOriginalMessage(), e);
            } catch (JsonProcessingException e) {
                throw new CatalogException(what + " is malformed JSON: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new CatalogException(what + " cannot be read: " + e.getMessage(), e);
            }
            if (tree == null || !tree.isObject()) {
                throw new CatalogException(what + " is not a JSON object");
            }
            return (ObjectNode) tree;
        }

        /** Refuses bytes that are not exactly the canonical form of the tree parsed from them. */
        static void requireCanonical(JsonNode tree, byte[] bytes, int from, int to, String what)
                throws CatalogException {
            byte[] canonical;
            try {
                canonical = encode(tree);
            } catch (IllegalArgumentException e) {
                throw new CatalogException(what + " is not valid catalog JSON: " + e.getMessage(), e);
            }
            if (!Arrays.equals(canonical, 0, canonical.length, bytes, from, to)) {
                throw new CatalogException(what + " is not in canonical form (whitespace, key order, escapes"
                        + " or number format differ from the one signed form)");
            }
        }

        ObjectNode read(byte[] bytes, String what) throws CatalogException {
            return read(bytes, 0, bytes.length, what);
        }
    }

    /** Canonical bytes of an object followed by a line feed: how every catalog document is stored. */
    static byte[] line(JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(encode(value));
        out.write('\n');
        return out.toByteArray();
    }
}
