package dev.missioncontrol.web;

import io.javalin.http.Context;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * HEAD is answered by the GET route, with its scope check, its owner check and its parameter checks, and Jetty sends
 * the headers without the body. Left to itself, Javalin answers HEAD with an empty 200 wherever a GET route exists,
 * before any handler runs, so a probe for another organization's deployment was told it exists. A HEAD never opens
 * an event stream: it would have no body to stream into.
 */
public final class HeadAsGet implements Filter {
    private static final String SENT_AS = "mc.sent-method";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())) {
            http.setAttribute(SENT_AS, "HEAD");
            chain.doFilter(new AsGet(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The method the client sent, for the access log, the metrics and a 405's detail: HEAD where it was one. */
    public static String sentMethod(Context ctx) {
        return ctx.attribute(SENT_AS) != null ? "HEAD" : ctx.method().name();
    }

    private static final class AsGet extends HttpServletRequestWrapper {
        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            return "Accept".equalsIgnoreCase(name) && value != null && value.contains("text/event-stream")
                    ? null : value;
        }
    }
}
