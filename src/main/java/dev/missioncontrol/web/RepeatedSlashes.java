package dev.missioncontrol.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A run of slashes in a request's path is one slash, as a proxy or file server reads it. The official Cased CLI joins
 * its configured URL and the path with a slash, so {@code CASED_API_URL=https://mc.example.com/} asks for
 * {@code //api/v1/agent/sessions}; that must find the route, not a 404. Every filter and route sees the same path, so
 * a scope or owner check cannot be passed by adding slashes.
 */
public final class RepeatedSlashes implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && http.getRequestURI().contains("//")) {
            chain.doFilter(new Collapsed(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    static String collapse(String path) {
        return path == null ? null : path.replaceAll("/{2,}", "/");
    }

    private static final class Collapsed extends HttpServletRequestWrapper {
        Collapsed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return collapse(super.getRequestURI());
        }

        @Override
        public String getServletPath() {
            return collapse(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            return collapse(super.getPathInfo());
        }
    }
}
