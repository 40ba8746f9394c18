package dev.missioncontrol.web.ui;

import dev.missioncontrol.auth.WebSessionStore.WebSession;
import dev.missioncontrol.orgs.User;

/** The person looking at a page, and the CSRF token their forms must send back. Null fields mean logged out. */
public record Viewer(User user, String csrfToken) {
    private static final Viewer NONE = new Viewer(null, "");

    static Viewer of(WebSession session) {
        return new Viewer(session.user(), session.csrfToken());
    }

    /** The viewer of the login page. */
    public static Viewer nobody() {
        return NONE;
    }

    static Viewer orNone(Viewer v) {
        return v == null ? NONE : v;
    }

    public boolean loggedIn() {
        return user != null;
    }

    public boolean admin() {
        return user != null && user.role() == User.Role.ADMIN;
    }

    public String email() {
        return user == null ? "" : user.email();
    }

    String orgId() {
        return user.orgId();
    }

    /** The body's hx-headers value: htmx then sends the token on every request it makes. */
    public String htmxHeaders() {
        return user == null ? null : "{\"X-CSRF-Token\":\"" + csrfToken + "\"}";
    }
}
