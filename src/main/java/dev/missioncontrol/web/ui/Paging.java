package dev.missioncontrol.web.ui;

import dev.missioncontrol.store.Cursor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a list page stands among all the rows its filters match, so a page never hides that there are more: the
 * true total, and links to the older rows (the API's cursor) and back to the newest.
 *
 * @param olderHref null when this page reaches the oldest row
 * @param newestHref null on the first page
 */
public record Paging(int shown, long total, String olderHref, String newestHref) {
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
     * @param filters the query parameters that select the rows, kept in both links; blank ones are left out
     * @param last    the cursor after the last row shown, or null when no older row is left
     * @param paged   whether this page came from a cursor, so is not the first
     */
    static Paging of(String path, Map<String, String> filters, int shown, long total, Cursor last, boolean paged) {
        String query = filters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String newest = query.isEmpty() ? path : path + "?" + query;
        String older = last == null ? null : newest + (query.isEmpty() ? "?" : "&") + "cursor=" + last.encode();
        return new Paging(shown, total, older, paged ? newest : null);
    }

    /** Says how many are shown when that is not all of them; empty when it is. */
    public String summary() {
        if (shown >= total && newestHref == null) {
            return "";
        }
        return newestHref == null ? "Showing the newest " + shown + " of " + total + "."
                : "Showing " + shown + " older ones of " + total + ".";
    }
}
