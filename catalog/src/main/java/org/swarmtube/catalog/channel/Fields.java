package org.swarmtube.catalog.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, checked access to the fields of one parsed catalog document, so that each refusal names
 * the document and the field ("record 17: field 'width' must be an integer from 0 to 16384").
 */
final class Fields {
    /** The catalog schema this code reads and writes. */
    static final int SCHEMA = 1;

    private final ObjectNode node;
    private final String what;

    private Fields(ObjectNode node, String what) {
        this.node = node;
        this.what = what;
    }

    /**
     * Starts reading a document: it must be of this schema (checked first, so a newer catalog gets
     * "update Swarmtube" rather than a confusing field error), of this type, and have no other
     * fields than {@code allowed}.
     */
    static Fields of(ObjectNode node, String what, String type, Set<String> allowed) throws CatalogException {
        Fields fields = new Fields(node, what);
        JsonNode schema = node.get("schema");
        if (schema == null || !schema.isIntegralNumber()) {
            throw new CatalogException(what + " has no \"schema\" number");
        }
        if (schema.longValue() != SCHEMA) {
            throw new CatalogException(what + " uses catalog schema " + schema + "; this Swarmtube reads schema "
                    + SCHEMA + " only (a newer Swarmtube may read it)");
        }
        String actual = fields.text("type");
        if (!actual.equals(type)) {
            throw new CatalogException(what + " is of type " + quote(actual) + ", expected '" + type + "'");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) throw new CatalogException(what + " has an unknown field " + quote(name));
        }
        return fields;
    }

    /** The value of the "type" field without further checks, to choose how to read a record. */
    static String typeOf(ObjectNode node) {
        JsonNode type = node.get("type");
        return type != null && type.isTextual() ? type.textValue() : "";
    }

    /**
     * A peer's string made safe to put in a message: quoted, at most 40 chars, control characters
     * shown as '?', so a hostile value cannot forge extra log lines.
     */
    static String quote(String peerText) {
        String s = peerText.length() > 40 ? peerText.substring(0, 40) + "…" : peerText;
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append('\'').toString();
    }

    /**
     * A model's refusal of peer data, made safe for a message the same way: at most 200 chars,
     * control characters as '?' (model messages may quote the offending value).
     */
    static String safe(String message) {
        String s = message == null ? "invalid value" : message;
        if (s.length() > 200) s = s.substring(0, 200) + "…";
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    String what() {
        return what;
    }

    String text(String name) throws CatalogException {
        JsonNode value = node.get(name);
        if (value == null) throw new CatalogException(what + " has no field '" + name + "'");
        if (!value.isTextual()) throw new CatalogException(what + ": field '" + name + "' must be a string");
        return value.textValue();
    }

    Optional<String> optionalText(String name) throws CatalogException {
        return node.has(name) ? Optional.of(text(name)) : Optional.empty();
    }

    long integer(String name, long min, long max) throws CatalogException {
        JsonNode value = node.get(name);
        if (value == null) throw new CatalogException(what + " has no field '" + name + "'");
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new CatalogException(what + ": field '" + name + "' must be an integer from " + min + " to " + max);
        }
        return value.longValue();
    }

    List<String> texts(String name, int maxItems) throws CatalogException {
        JsonNode value = node.get(name);
        if (value == null) throw new CatalogException(what + " has no field '" + name + "'");
        if (!value.isArray()) throw new CatalogException(what + ": field '" + name + "' must be an array");
        if (value.size() > maxItems) {
            throw new CatalogException(what + ": field '" + name + "' has " + value.size()
                    + " items, more than the limit of " + maxItems);
        }
        List<String> out = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) throw new CatalogException(what + ": field '" + name + "' must hold strings");
            out.add(item.textValue());
        }
        return out;
    }
}
