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

    public String url() {
        return "/deployments/" + deployment.id();
    }
}
