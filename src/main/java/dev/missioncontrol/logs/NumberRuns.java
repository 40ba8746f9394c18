package dev.missioncontrol.logs;

/**
 * Masks numbers that sit inside a token ({@code blk_-42}, {@code core.2275}, {@code onExtend:1514038530000},
 * {@code 12ms}) while keeping the words around them, so {@code blk_<*>} still says what the number was.
 */
final class NumberRuns {

    private NumberRuns() {
    }

    static String mask(String token) {
        StringBuilder out = null;
        int i = 0;
        int n = token.length();
        while (i < n) {
            int wordStart = i;
            while (i < n && Character.isLetterOrDigit(token.charAt(i))) {
                i++;
            }
            if (i > wordStart && isValueWord(token, wordStart, i)) {
                int start = absorbSign(token, wordStart);
                int end = absorbDecimals(token, i);
                if (out == null) {
                    out = new StringBuilder(n).append(token, 0, start);
                } else {
                    out.setLength(out.length() - (wordStart - start));
                }
                out.append(VariableMasker.WILDCARD);
                i = end;
            } else if (out != null) {
                out.append(token, wordStart, i);
            }
            if (i < n && !Character.isLetterOrDigit(token.charAt(i))) {
                if (out != null) {
                    out.append(token.charAt(i));
                }
                i++;
            }
        }
        return out == null ? token : out.toString();
    }

    /**
     * A word holding a digit is a value: {@code 42}, {@code 12ms}, {@code 3f9a}, and also node and device names
     * such as {@code R02}, {@code dn228} or {@code eth0}, which vary between otherwise identical lines. The cost
     * is that a constant like {@code ssh2} reads {@code ssh<*>}; it still groups the same.
     */
    private static boolean isValueWord(String token, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A minus directly before the number belongs to it unless it joins two words ({@code a-1} is a name). */
    private static int absorbSign(String token, int start) {
        if (start > 0 && (token.charAt(start - 1) == '-' || token.charAt(start - 1) == '+')
                && (start == 1 || !Character.isLetterOrDigit(token.charAt(start - 2)))) {
            return start - 1;
        }
        return start;
    }

    /** {@code 1.5} or {@code 2.6.32} is one value, not several numbers separated by dots. */
    private static int absorbDecimals(String token, int end) {
        int i = end;
        while (i + 1 < token.length() && token.charAt(i) == '.' && Character.isDigit(token.charAt(i + 1))) {
            i += 2;
            while (i < token.length() && Character.isLetterOrDigit(token.charAt(i))) {
                i++;
            }
        }
        return i;
    }
}
