package dev.missioncontrol.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * How a verdict's numbers are written for people, wherever they read them: the report, the CI client's table and
 * Slack. Four significant digits say everything a judge's figure means; seventeen break a table's columns.
 */
public final class Figures {
    /** Below this a p-value is written as a bound: its digits would claim a precision the approximation lacks. */
    private static final double SMALLEST_P = 0.0001;

    private Figures() {
    }

    /** A baseline, current value or ratio; a dash when there is none. */
    public static String value(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        String text = String.format(Locale.ROOT, "%.4g", v);
        return text.contains("e") || !text.contains(".") ? text
                : new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    /** A number of a verdict's JSON; a dash for anything else. */
    public static String value(JsonNode n) {
        return value(n != null && n.isNumber() ? n.asDouble() : null);
    }

    /** A p-value of a verdict's JSON. */
    public static String pValue(JsonNode n) {
        return pValue(n != null && n.isNumber() ? n.asDouble() : null);
    }

    /** A p-value to four decimals, or {@code < 0.0001}. */
    public static String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return "–";
        }
        return p < SMALLEST_P ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
