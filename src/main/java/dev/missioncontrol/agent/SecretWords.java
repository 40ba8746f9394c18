package dev.missioncontrol.agent;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets that stand as plain words, with no {@code =} or {@code :} after their name for {@link SecretValues}
 * to find: in prose ("login failed with password hunter2", "bind failed with credentials Ld4p!"), in SQL's
 * {@code WITH PASSWORD '…'} and {@code IDENTIFIED BY '…'}, in curl's {@code -u user:password}, sshpass's {@code -p},
 * mysql's {@code -p<password>}, {@code docker login -p}, redis-cli's {@code -a password} and in Redis's
 * {@code AUTH password}. Only a word that looks generated is masked, so "password expired" and "token refresh failed"
 * stay readable.
 */
final class SecretWords {
    private static final List<Pattern> RULES = List.of(
            // also a name that ends in one (PGPASSWORD, DB_TOKEN) and a value it is set "to"
            Pattern.compile("(?i)\\b\\w*?(?:password|passwd|passphrase|secret|token|api[ _-]?key|credentials?)\\s+"
                    + "(?:=>\\s*)?(?:is\\s+|was\\s+|to\\s+)?"
                    + "['\"]?([^\\s,;'\"]+)"),
            Pattern.compile("(?i)\\bidentified\\s+by\\s+['\"]?([^\\s,;'\"]+)"),
            Pattern.compile("\\bsshpass\\s+-p\\s*['\"]?([^\\s'\"]+)"),
            Pattern.compile("\\bdocker\\s+login\\b[^\\n]*?(?<!\\S)-p\\s+['\"]?([^\\s'\"]+)"),
            Pattern.compile("\\bredis-cli\\b[^\\n]*?(?<!\\S)(?:-a|--pass)\\s+['\"]?([^\\s'\"]+)"),
            Pattern.compile("\\bmysql\\w*\\b[^\\n]*?(?<!\\S)-p([^\\s'\"-][^\\s'\"]*)"),
            Pattern.compile("(?<!\\S)(?:-u|--user)\\s+['\"]?[^\\s:'\"]*:([^\\s'\"]+)"),
            Pattern.compile("\\bAUTH\\s+(\\S+)(?:\\s+(\\S+))?"));

    private SecretWords() {
    }

    static String mask(String text) {
        String out = text;
        for (Pattern rule : RULES) {
            out = rule.matcher(out).replaceAll(SecretWords::maskGenerated);
        }
        return out;
    }

    /** The match with each captured word that looks generated masked, the rest as it was. */
    private static String maskGenerated(MatchResult m) {
        StringBuilder b = new StringBuilder();
        int at = m.start();
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.start(g) < 0 || !Redactor.generated(m.group(g)) || m.group(g).equals(Redactor.MASK)) {
                continue;
            }
            b.append(m.group(), at - m.start(), m.start(g) - m.start()).append(Redactor.MASK);
            at = m.end(g);
        }
        b.append(m.group(), at - m.start(), m.group().length());
        return Matcher.quoteReplacement(b.toString());
    }
}
