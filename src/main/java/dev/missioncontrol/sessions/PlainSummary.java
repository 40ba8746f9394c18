package dev.missioncontrol.sessions;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A report's summary fields as the Cased CLI and {@code missionctl session} print them: plain text. The report
 * writers build them as markdown, escaping what a log line or a commit message could turn into a link, so an
 * unconverted description read "release\_bot \[ops\]" in a terminal. Code spans keep their backticks, so a quoted
 * log line still reads as quoted; a link keeps its address.
 */
final class PlainSummary extends AbstractVisitor {
    private static final Parser MARKDOWN = Parser.builder().build();
    private final StringBuilder out = new StringBuilder();

    private PlainSummary() {
    }

    static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return markdown;
        }
        PlainSummary plain = new PlainSummary();
        MARKDOWN.parse(markdown).accept(plain);
        return plain.out.toString().replaceAll("\\s+", " ").strip();
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        String fence = "`";
        while (code.getLiteral().contains(fence)) {
            fence += "`";
        }
        String pad = code.getLiteral().startsWith("`") || code.getLiteral().endsWith("`") ? " " : "";
        out.append(fence).append(pad).append(code.getLiteral()).append(pad).append(fence);
    }

    @Override
    public void visit(HtmlInline html) {
        out.append(html.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        out.append(' ');
    }

    @Override
    public void visit(Link link) {
        int at = out.length();
        visitChildren(link);
        if (!out.substring(at).equals(link.getDestination())) {
            out.append(" (").append(link.getDestination()).append(')');
        }
    }

    @Override
    public void visit(Image image) {
        visitChildren(image);
    }

    /** Blocks (paragraphs, list items, quotes) run on with a space between them: a summary is one line. */
    @Override
    protected void visitChildren(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Block && out.length() > 0) {
                out.append(' ');
            }
            child.accept(this);
        }
    }
}
