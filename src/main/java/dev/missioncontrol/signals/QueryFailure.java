package dev.missioncontrol.signals;

import dev.missioncontrol.config.ByteSize;
import dev.missioncontrol.net.DeniedDestination;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.net.ShownUrl;
import dev.missioncontrol.net.TransportFailure;
import javax.net.ssl.SSLException;

/**
 * Why a Prometheus query gave nothing to judge, in one short line for the report and the verdict, such as
 * "Prometheus http://prometheus:9090 answered 502". A person reads it to fix the cause, so it names the server and
 * what it did, never a client library's dump of its connection state.
 */
final class QueryFailure extends RuntimeException {
    private final boolean passing;

    /** A failure that asking again will not mend: a refused query, a redirect, an answer that is not Prometheus'. */
    QueryFailure(String line) {
        this(line, false);
    }

    /**
     * @param passing whether asking again a little later may well be answered: Prometheus restarting, overloaded or
     *                behind a proxy that lost it for a moment (refused, timed out, cut off, 5xx, 429)
     */
    QueryFailure(String line, boolean passing) {
        super(line, null, false, false);
        this.passing = passing;
    }

    boolean passing() {
        return passing;
    }

    /** The call to Prometheus did not produce an answer: refused, timed out, cut off, or not allowed. */
    static QueryFailure of(String where, RuntimeException failure) {
        if (failure instanceof DeniedDestination denied) {
            return new QueryFailure(where + " " + denied.getMessage());
        }
        return new QueryFailure(where + ": " + cause(failure), passes(failure));
    }

    /** An answer with this status: a 5xx or 429 is Prometheus or its proxy failing for now, a 4xx is the query. */
    static QueryFailure status(String where, int status, String error) {
        // worded without "credentials:" or "token:", which the redactor would read as a secret's name and mask
        String credentials = status == 401 || status == 403 ? " (it refused the server's login; the server-wide "
                + "Prometheus is sent the headers of --prometheus-headers-file, a project's own Prometheus none)" : "";
        return new QueryFailure(where + " answered " + status + credentials + (error.isBlank() ? ""
                : ": " + detail(error)), status >= 500 || status == 429);
    }

    /** "Prometheus http://host:9090/prefix", without a query string, which may carry a token. */
    static String where(String baseUrl) {
        return baseUrl == null ? "Prometheus" : "Prometheus" + ShownUrl.withoutQuery(baseUrl).map(u -> " " + u).orElse("");
    }

    /**
     * A redirect, which is never followed (it could lead anywhere, a private address included): where it leads, so
     * that the person who set the URL can tell a login page from Prometheus' new address.
     */
    static QueryFailure redirect(String where, int status, String location) {
        return new QueryFailure(where + " answered " + status + ", a redirect to "
                + ShownUrl.withoutQuery(location).orElse("an unreadable address") + ", which is not followed: set the "
                + "Prometheus URL to the address that answers the query itself");
    }

    /** Prometheus' own error text, or a line of whatever else answered, cut to one short line. */
    static String detail(String text) {
        return TransportFailure.oneLine(text);
    }

    /** What the call did, worded by the outbound client, with what to do about an answer too large to read. */
    private static String cause(RuntimeException failure) {
        if (failure instanceof OutboundHttp.TooLarge big) {
            return "answered more than " + ByteSize.format(big.maxBytes()) + ", more than is read: a query that "
                    + "returns a series per pod or per label value must aggregate them to one, e.g. sum(...) or avg(...)";
        }
        return detail(String.valueOf(failure.getMessage()));
    }

    /** A broken TLS set-up or an answer past the size cap fails alike every time; the network's failures pass. */
    private static boolean passes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof OutboundHttp.TooLarge) {
                return false;
            }
        }
        return true;
    }
}
