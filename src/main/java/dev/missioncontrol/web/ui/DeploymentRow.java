package dev.missioncontrol.web.ui;

import dev.missioncontrol.deployments.Deployment;
import java.util.List;

/** A deployment with its verdict, as lists and the detail page show it. */
public record DeploymentRow(Deployment deployment, VerdictView verdict) {

    static DeploymentRow of(Deployment d) {
        return new DeploymentRow(d, VerdictView.of(d.verdict()));
    }

    static List<DeploymentRow> all(List<Deployment> list) {
        return list.stream().map(DeploymentRow::of).toList();
    }

    /**
     * Whether the deployment is still on its way (pending or running): the monitor verifies only once its success
     * event arrives, so no check is coming until then.
     */
    public boolean awaitingSuccess() {
        return "pending".equals(deployment.status()) || "running".equals(deployment.status());
    }

    /** Whether the deploy itself failed: no check runs then, and the monitor investigates the failure instead. */
    public boolean deployFailed() {
        return "failure".equals(deployment.status());
    }

    public String url() {
        return "/deployments/" + deployment.id();
    }

    /** The commit message's first line, its subject; empty without a message. */
    public String commitSubject() {
        String m = deployment.commitMessage();
        return m == null ? "" : m.lines().findFirst().orElse("");
    }

    /**
     * The lines after the subject, where a commit says why it was made and what it risks; empty when there are
     * none. The page folds them under the subject rather than dropping them.
     */
    public String commitBody() {
        String m = deployment.commitMessage();
        int end = m == null ? -1 : m.indexOf('\n');
        return end < 0 ? "" : m.substring(end + 1).strip();
    }
}
