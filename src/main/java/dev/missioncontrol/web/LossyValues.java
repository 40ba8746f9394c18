package dev.missioncontrol.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds values JSON can carry but the server could not keep as sent: a number beyond a double's range (the parser
 * makes it Infinity, stored as the string "Infinity"), and text with an unpaired UTF-16 surrogate such as
 * {@code "\ud800"} (no UTF-8 encoding exists for it, so it would be stored as "?"). Refusing them beats changing
 * them without a word. (The parser itself refuses such a surrogate in a field name.)
 */
final class LossyValues {
    private static final int MAX_ERRORS = 20;
    private static final String NUMBER =
            "is a number beyond the range of a double (about 1.8e308), which cannot be kept as sent";
    private static final String TEXT = "holds an unpaired UTF-16 surrogate, which is not a character";

    private final List<FieldError> errors = new ArrayList<>();

    private LossyValues() {
    }

    /** Every such value in the body, each pointed at (at most a screenful). */
    static List<FieldError> in(JsonNode body) {
        LossyValues found = new LossyValues();
        found.visit("", body);
        return found.errors;
    }

    private void visit(String pointer, JsonNode node) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            errors.add(new FieldError(pointer, "invalid", NUMBER));
        } else if (node.isTextual() && unpaired(node.textValue())) {
            errors.add(new FieldError(pointer, "invalid", TEXT));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(pointer + "/" + i, node.get(i));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                visit(pointer + "/" + FieldError.token(member.getKey()), member.getValue());
            }
        }
    }

    /** Paired surrogates come out of codePoints() as one supplementary code point; a lone one comes out as itself. */
    private static boolean unpaired(String text) {
        return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
