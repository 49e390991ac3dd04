package org.swarmtube.catalog.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.swarmtube.catalog.VideoId;

/**
 * The JSON of records and of the profile, both ways. Field names and meanings (schema 1):
 *
 * <pre>
 * video   {"description":str,"duration":ms,"height":px,"infohash":40 hex,"n":int,"published":epoch ms,
 *          "schema":1,"size":bytes,"tags":[str],"thumbnail":base64 JPEG (optional),"title":str,
 *          "type":"video","videoId":16 base32,"width":px}
 * removal {"n":int,"schema":1,"type":"removal","videoId":16 base32}
 * profile {"avatar":base64 JPEG (optional),"description":str,"name":str,"recommended":[channel link],
 *          "schema":1,"type":"profile"}
 * </pre>
 *
 * Decoding is strict: the bytes must be canonical, every field known and within its limit, and
 * the decoded value must encode back to exactly the same bytes (so, for example, a title with
 * leading spaces, which the model would strip, is refused rather than silently changed).
 */
final class RecordCodec {
    private static final Set<String> VIDEO_FIELDS = Set.of("description", "duration", "height", "infohash", "n",
            "published", "schema", "size", "tags", "thumbnail", "title", "type", "videoId", "width");
    private static final Set<String> REMOVAL_FIELDS = Set.of("n", "schema", "type", "videoId");
    private static final Set<String> PROFILE_FIELDS = Set.of("avatar", "description", "name", "recommended",
            "schema", "type");
    /** The longest string in a record is a thumbnail's base64; anything longer is refused while streaming. */
    private static final int RECORD_MAX_STRING = base64Length(CatalogLimits.MAX_THUMBNAIL_BYTES);
    private static final CanonicalJson.Reader RECORD_READER =
            CanonicalJson.reader(CatalogLimits.MAX_RECORD_BYTES, RECORD_MAX_STRING, 64 + 2 * CatalogLimits.MAX_TAGS);
    private static final CanonicalJson.Reader PROFILE_READER =
            CanonicalJson.reader(CatalogLimits.MAX_PROFILE_BYTES, base64Length(CatalogLimits.MAX_AVATAR_BYTES),
                    64 + 2 * CatalogLimits.MAX_RECOMMENDED);

    private RecordCodec() {
    }

    static CatalogRecord.Published published(int n, CatalogEntry entry) {
        ObjectNode json = header(n, "video");
        json.put("videoId", entry.videoId().toString());
        json.put("infohash", entry.infohash());
        json.put("title", entry.title());
        json.put("description", entry.description());
        ArrayNode tags = json.putArray("tags");
        entry.tags().forEach(tags::add);
        json.put("duration", entry.duration().toMillis());
        json.put("width", entry.width());
        json.put("height", entry.height());
        json.put("size", entry.sizeBytes());
        json.put("published", entry.published().toEpochMilli());
        entry.thumbnail().ifPresent(jpeg -> json.put("thumbnail", jpeg.base64()));
        byte[] line = CanonicalJson.line(json);
        if (line.length > CatalogLimits.MAX_RECORD_BYTES) {
            // cannot happen within the field limits; refusing here keeps the writer from making a catalog readers refuse
            throw new IllegalArgumentException("the record for " + entry.videoId() + " is " + line.length
                    + " bytes, over the limit of " + CatalogLimits.MAX_RECORD_BYTES);
        }
        return new CatalogRecord.Published(n, entry, line);
    }

    static CatalogRecord.Removed removed(int n, VideoId videoId) {
        ObjectNode json = header(n, "removal");
        json.put("videoId", videoId.toString());
        return new CatalogRecord.Removed(n, videoId, CanonicalJson.line(json));
    }

    /**
     * Reads the record stored in {@code pack[from, to)} (its line feed excluded), which must be
     * record number {@code expectedN}.
     */
    static CatalogRecord decode(byte[] pack, int from, int to, int expectedN, String where) throws CatalogException {
        String what = where + " record " + expectedN;
        ObjectNode json = RECORD_READER.parse(pack, from, to, what);
        try {
            CatalogRecord record = decodeFields(json, what, expectedN);
            byte[] line = record.line();
            if (line.length - 1 != to - from || !Arrays.equals(line, 0, line.length - 1, pack, from, to)) {
                throw new CatalogException(what + " is not in canonical form: a field is not normalised"
                        + " (for example text with leading or trailing spaces)");
            }
            return record;
        } catch (CatalogException e) {
            // Re-encoding the record from its fields checked the canonical form on the way; only a
            // refused record pays for the generic check, which names form errors more precisely.
            CanonicalJson.Reader.requireCanonical(json, pack, from, to, what);
            throw e;
        }
    }

    private static CatalogRecord decodeFields(ObjectNode json, String what, int expectedN) throws CatalogException {
        String type = Fields.typeOf(json);
        CatalogRecord record;
        if (type.equals("video")) {
            record = decodeVideo(Fields.of(json, what, "video", VIDEO_FIELDS));
        } else if (type.equals("removal")) {
            Fields f = Fields.of(json, what, "removal", REMOVAL_FIELDS);
            record = removed(number(f), videoId(f));
        } else {
            throw new CatalogException(what + " is of unknown type " + Fields.quote(type)
                    + " (expected 'video' or 'removal')");
        }
        if (record.n() != expectedN) {
            throw new CatalogException(what + " is numbered " + record.n() + ": records must be numbered in order");
        }
        return record;
    }

    private static CatalogRecord decodeVideo(Fields f) throws CatalogException {
        int n = number(f);
        VideoId id = videoId(f);
        try {
            Optional<Jpeg> thumbnail = f.optionalText("thumbnail").isPresent()
                    ? Optional.of(Jpeg.fromBase64(f.text("thumbnail"))) : Optional.empty();
            CatalogEntry entry = new CatalogEntry(id, f.text("infohash"), f.text("title"), f.text("description"),
                    f.texts("tags", CatalogLimits.MAX_TAGS),
                    Duration.ofMillis(f.integer("duration", 0, CatalogLimits.MAX_DURATION_MS)),
                    (int) f.integer("width", 0, CatalogLimits.MAX_FRAME_SIDE),
                    (int) f.integer("height", 0, CatalogLimits.MAX_FRAME_SIDE),
                    f.integer("size", 0, CatalogLimits.MAX_VIDEO_BYTES),
                    Instant.ofEpochMilli(f.integer("published", 0, CatalogEntry.LATEST.toEpochMilli())),
                    thumbnail);
            return published(n, entry);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(f.what() + ": " + Fields.safe(e.getMessage()), e);
        }
    }

    static byte[] encodeProfile(ChannelProfile profile) {
        ObjectNode json = CanonicalJson.object();
        json.put("schema", Fields.SCHEMA);
        json.put("type", "profile");
        json.put("name", profile.name());
        json.put("description", profile.description());
        profile.avatar().ifPresent(jpeg -> json.put("avatar", jpeg.base64()));
        ArrayNode recommended = json.putArray("recommended");
        profile.recommended().forEach(link -> recommended.add(link.toUri()));
        return CanonicalJson.line(json);
    }

    static ChannelProfile decodeProfile(byte[] bytes, String what) throws CatalogException {
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            throw new CatalogException(what + " does not end with a line feed");
        }
        ObjectNode json = PROFILE_READER.read(bytes, 0, bytes.length - 1, what);
        Fields f = Fields.of(json, what, "profile", PROFILE_FIELDS);
        ChannelProfile profile;
        try {
            List<ChannelLink> links = new ArrayList<>();
            for (String link : f.texts("recommended", CatalogLimits.MAX_RECOMMENDED)) links.add(ChannelLink.parse(link));
            Optional<String> avatar = f.optionalText("avatar");
            profile = new ChannelProfile(f.text("name"), f.text("description"),
                    avatar.isPresent() ? Optional.of(Jpeg.fromBase64(avatar.get())) : Optional.empty(), links);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(what + ": " + Fields.safe(e.getMessage()), e);
        }
        if (!Arrays.equals(encodeProfile(profile), bytes)) {
            throw new CatalogException(what + " is not in canonical form: a field is not normalised");
        }
        return profile;
    }

    private static ObjectNode header(int n, String type) {
        ObjectNode json = CanonicalJson.object();
        json.put("schema", Fields.SCHEMA);
        json.put("type", type);
        json.put("n", n);
        return json;
    }

    private static int number(Fields f) throws CatalogException {
        return (int) f.integer("n", 0, CatalogLimits.MAX_RECORDS - 1);
    }

    private static VideoId videoId(Fields f) throws CatalogException {
        try {
            return VideoId.parse(f.text("videoId"));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(f.what() + ": " + Fields.safe(e.getMessage()), e);
        }
    }

    private static int base64Length(int bytes) {
        return 4 * ((bytes + 2) / 3);
    }
}
