package dev.missioncontrol.deployments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official deploy-notification Action builds its default {@code external_url} by joining its server URL and the
 * repository without a slash: {@code https://github.comacme/api/actions/runs/9}. Such a link leads nowhere, and with
 * a server URL that has a port it is not even a URL. Where the repository's owner is glued to the host that way, the
 * slash is put back, so the deployment page and alerts link the CI run.
 */
final class ActionRunUrl {
    private ActionRunUrl() {
    }

    static String repaired(String url, String repository) {
        if (url == null || repository == null || repository.indexOf('/') < 0) {
            return url;
        }
        // the host part, then the owner glued to it (no slash between), then the rest of the repository and the run
        Pattern glued = Pattern.compile("(https?://[^/]*[^/])(" + Pattern.quote(repository) + "/actions/runs/.*)",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        Matcher m = glued.matcher(url);
        return m.matches() ? m.group(1) + "/" + m.group(2) : url;
    }
}
