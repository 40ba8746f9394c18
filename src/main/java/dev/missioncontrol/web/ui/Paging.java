package dev.missioncontrol.web.ui;

import dev.missioncontrol.store.Cursor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a list page stands among all the rows its filters match, so a page never hides that there are more: the
 * true total, and links to the older rows (the API's cursor), to the newer ones, and back to the newest. A page
 * reached from a shared link or a bookmark has no history to go back through, so "Newer" is a link of its own.
 *
 * @param olderHref  null when this page reaches the oldest row
 * @param newerHref  null on the first page
 * @param newestHref null on the first page
 */
public record Paging(int shown, long total, String olderHref, String newerHref, String newestHref) {
    /** Rows a list page shows at once. */
    static final int PAGE = 100;

    /**
     * Where the page starts: after the cursor in the address, or from the newest row when there is none or it is not
     * one this server issued (a link cut short, a typo). A person gets the list, not the API's 422.
     */
    static Cursor startOf(io.javalin.http.Context ctx) {
        String raw = ctx.queryParam("cursor");
        return raw == null ? null : Cursor.decode(raw.trim()).orElse(null);
    }

    /**
     * @param path    the list's path
     * @param filters the query parameters that select the rows, kept in every link; blank ones are left out
     * @param last    the cursor after the last row shown, or null when no older row is left
     * @param newer   where the page before this one starts, or null when that is the first page
     * @param paged   whether this page came from a cursor, so is not the first
     */
    static Paging of(String path, Map<String, String> filters, int shown, long total, Cursor last, Cursor newer,
            boolean paged) {
        String query = filters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String newest = query.isEmpty() ? path : path + "?" + query;
        String olderHref = last == null ? null : at(newest, query, last);
        if (!paged) {
            return new Paging(shown, total, olderHref, null, null);
        }
        return new Paging(shown, total, olderHref, newer == null ? newest : at(newest, query, newer), newest);
    }

    private static String at(String newest, String query, Cursor cursor) {
        return newest + (query.isEmpty() ? "?" : "&") + "cursor=" + cursor.encode();
    }

    /** Says how many are shown when that is not all of them; empty when it is. */
    public String summary() {
        if (shown >= total && newerHref == null) {
            return "";
        }
        return newerHref == null ? "Showing the newest " + shown + " of " + total + "."
                : "Showing " + shown + " older ones of " + total + ".";
    }
}
