package dev.missioncontrol.web.ui;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Reports are markdown that quote untrusted text (log lines, prompts, commit messages), so they are rendered with raw
 * HTML escaped and the result is sanitised again by an allow-list: only formatting, lists, tables and code survive.
 * A link is shown as its text and its address, never as a live link: a report speaks with Mission Control's
 * authority, and a prompt asking to search for "[Session expired, log in again](https://…)" must not turn that into
 * a link the product seems to offer.
 */
public final class Markdown {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "del")
                    .allowAttributes("align").onElements("th", "td")
                    .toFactory());

    private Markdown() {
    }

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(markdown);
        document.accept(new LinksAsText());
        document.accept(new HeadingsBelowTheSection());
        return POLICY.sanitize(RENDERER.render(document));
    }

    /**
     * Every report and answer is shown inside a section titled by an h2 (Report, Timeline): its own "## Summary"
     * becomes an h3, so that the page's outline nests, and a screen reader listing headings does not hear the
     * report's Timeline as a second section beside the live one.
     */
    private static final class HeadingsBelowTheSection extends AbstractVisitor {
        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(6, heading.getLevel() + 1));
            visitChildren(heading);
        }
    }

    /** Replaces each link by its text, followed by its address in brackets unless the text already is the address. */
    private static final class LinksAsText extends AbstractVisitor {
        @Override
        public void visit(Link link) {
            String text = textOf(link);
            for (Node child = link.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            if (!text.equals(link.getDestination())) {
                link.insertBefore(new Text(" (" + link.getDestination() + ")"));
            }
            link.unlink();
        }

        private static String textOf(Node node) {
            StringBuilder b = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                b.append(child instanceof Text t ? t.getLiteral() : textOf(child));
            }
            return b.toString();
        }
    }
}
