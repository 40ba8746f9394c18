package dev.missioncontrol.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups log messages into templates online with a fixed-depth parse tree (the approach of He et al.,
 * ICWS 2017): masked tokens descend a tree keyed by token count and then by the leading tokens; at the leaf the
 * most similar template takes the message if enough positions fit, otherwise the message starts a new one.
 * A leaf keeps at most {@link #MAX_TEMPLATES_PER_LEAF} templates apart; lines that fit none of them past that
 * share the leaf's catch-all template, so each line is compared with a bounded number of templates and time
 * stays linear in the number of lines. Memory grows with the number of templates only.
 */
public final class TemplateMiner {

    /** Leading tokens used as tree keys; deeper trees split more eagerly on early variable words. */
    private static final int KEY_TOKENS = 2;
    /**
     * Share of positions where a message must fit a template (equal token, or a wildcard there) to join it.
     * Masked values agree with each other, so this bounds how many constant words may differ: one in four,
     * two in seven.
     */
    private static final double SIMILARITY = 0.7;
    /** A node with this many distinct children sends further new keys down the wildcard branch. */
    private static final int MAX_CHILDREN = 100;
    /**
     * Without a bound, lines of one length and leading words whose other words are random (a message carrying
     * free text) each start a template in one leaf and are compared with all earlier ones: quadratic time.
     * The most crowded leaf holds 20 templates on the Loghub-2k files and 30 on 400,000 of their lines with digits
     * changed at random, so ordinary logs stay well below this.
     */
    static final int MAX_TEMPLATES_PER_LEAF = 100;
    private static final String ANY = VariableMasker.WILDCARD;

    /** Trees by token count, those of problem lines apart (keyed by the negative count less one). */
    private final Map<Integer, Node> byLength = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();

    /** Adds one message and answers the id of the template that now covers it. */
    public int add(String message) {
        return add(message, false);
    }

    /**
     * As {@link #add(String)}, a line logged as a {@code problem} (an error or a warning) joining only templates of
     * problem lines: "POST /orders failed: upstream timeout" at ERROR and "POST /orders 201 in 41ms" at INFO have the
     * same length and first words, and one template for both made the first INFO line the incident's first bad line.
     */
    public int add(String message, boolean problem) {
        String[] tokens = tokenize(message);
        Node leaf = descend(tokens, problem);
        Template best = mostSimilar(leaf.templates, tokens);
        if (best == null) {
            boolean full = leaf.templates.size() >= MAX_TEMPLATES_PER_LEAF;
            best = full ? catchAll(leaf, tokens) : startTemplate(leaf, tokens);
        }
        best.absorb(tokens);
        return best.id();
    }

    private Template startTemplate(Node leaf, String[] tokens) {
        Template started = register(tokens, false);
        leaf.templates.add(started);
        return started;
    }

    /**
     * The catch-all is never offered to later lines as a candidate: it soon masks most words and would draw lines
     * away from the leaf's real templates. Its own flag lets reports say its lines were grouped loosely.
     */
    private Template catchAll(Node leaf, String[] tokens) {
        if (leaf.catchAll == null) {
            leaf.catchAll = register(tokens, true);
        }
        return leaf.catchAll;
    }

    private Template register(String[] tokens, boolean catchAll) {
        Template template = new Template(templates.size() + 1, tokens.clone(), catchAll);
        templates.add(template);
        return template;
    }

    public Template template(int id) {
        return templates.get(id - 1);
    }

    public List<Template> templates() {
        return Collections.unmodifiableList(templates);
    }

    static String[] tokenize(String message) {
        List<String> tokens = new ArrayList<>();
        for (String token : Words.split(message)) {
            String masked = VariableMasker.mask(token);
            int last = tokens.size() - 1;
            if (last >= 0 && tokens.get(last).equals(VariableMasker.WILDCARD) && Units.isUnit(token)) {
                // "16.0 KB," is one quantity: keep it one slot so "12 KB" and "12KB" read alike
                tokens.set(last, VariableMasker.WILDCARD + Units.trailingPunctuation(token));
            } else {
                tokens.add(masked);
            }
        }
        return tokens.toArray(String[]::new);
    }

    private Node descend(String[] tokens, boolean problem) {
        Node node = byLength.computeIfAbsent(problem ? -tokens.length - 1 : tokens.length, n -> new Node());
        int depth = Math.min(KEY_TOKENS, tokens.length);
        for (int i = 0; i < depth; i++) {
            node = node.child(keyOf(tokens[i]));
        }
        return node;
    }

    /** Tokens that carry values go down the wildcard branch so their variants share one subtree. */
    private static String keyOf(String token) {
        boolean value = VariableMasker.mayHoldValue(token) && !VariableMasker.isStatusClass(token);
        return value || token.contains(ANY) ? ANY : token;
    }

    private static Template mostSimilar(List<Template> candidates, String[] tokens) {
        if (tokens.length == 0) {
            return candidates.isEmpty() ? null : candidates.get(0);
        }
        // a template with more misfits than this can never reach the threshold: stop comparing it early
        int allowed = (int) Math.floor(tokens.length * (1 - SIMILARITY) + 1e-9);
        Template best = null;
        int fewest = allowed + 1;
        for (Template candidate : candidates) {
            int misfits = misfits(candidate, tokens, Math.min(allowed, fewest - 1));
            if (misfits < fewest) {
                fewest = misfits;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Positions where the message does not fit the template (neither equal nor under a wildcard), counted up to
     * one past {@code limit}. A message joins the template it misfits least, if at most (1 - SIMILARITY) of
     * its positions misfit.
     */
    static int misfits(Template template, String[] tokens, int limit) {
        int misfits = 0;
        for (int i = 0; i < tokens.length && misfits <= limit; i++) {
            String t = template.token(i);
            if (!t.equals(ANY) && !t.equals(tokens[i])) {
                misfits++;
            }
        }
        return misfits;
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Template> templates = new ArrayList<>(2);
        /** Lines that fit none of a full leaf's templates; null until the leaf is full. */
        Template catchAll;

        Node child(String key) {
            Node existing = children.get(key);
            if (existing != null) {
                return existing;
            }
            String slot = children.size() >= MAX_CHILDREN ? ANY : key;
            return children.computeIfAbsent(slot, k -> new Node());
        }
    }
}
