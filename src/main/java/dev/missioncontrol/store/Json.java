package dev.missioncontrol.store;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The one JSON mapper: times as {@link WireTime} writes them, unknown fields ignored, U+0000 written as U+FFFD. */
public final class Json {
    /** Pasted logs arrive as one JSON string of up to the session body limit, far above Jackson's default cap. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(256 << 20).maxNestingDepth(200).build();

    public static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactoryBuilder()
            .characterEscapes(new NulAsReplacement()).streamReadConstraints(LIMITS).build())
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(Instant.class, new WireTimeSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Writes U+0000 as U+FFFD, as {@link StorableText} binds text: JSON columns are text too, and strings read back
     * from them feed findings and reports, so a NUL must not survive the first write.
     */
    private static final class NulAsReplacement extends CharacterEscapes {
        private static final SerializedString REPLACEMENT = new SerializedString("\\uFFFD");
        private final int[] ascii = standardAsciiEscapesForJSON();

        NulAsReplacement() {
            ascii[StorableText.NUL] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == StorableText.NUL ? REPLACEMENT : null;
        }
    }
}
