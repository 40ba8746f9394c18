package dev.missioncontrol.deployments;

import java.util.Map;

/**
 * What a CI system says about the run that deploys: the repository, commit, ref and a link to the run, read from the
 * variables GitHub Actions, GitLab CI, CircleCI and Jenkins set. {@code runId} identifies the run (and its retry
 * attempt), so the same run posting twice is one deployment event.
 */
record CiEnvironment(String provider, String repository, String sha, String ref, String runUrl, String runId) {

    static CiEnvironment detect(Map<String, String> env) {
        if (has(env, "GITHUB_REPOSITORY")) {
            String repo = env.get("GITHUB_REPOSITORY");
            String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
            String run = env.get("GITHUB_RUN_ID");
            String url = run == null ? null : server + "/" + repo + "/actions/runs/" + run;
            return new CiEnvironment("github", repo, env.get("GITHUB_SHA"), env.get("GITHUB_REF"), url,
                    run == null ? null : run + "." + env.getOrDefault("GITHUB_RUN_ATTEMPT", "1"));
        }
        if (has(env, "CI_PROJECT_PATH")) {
            return new CiEnvironment("gitlab", lastTwoSegments(env.get("CI_PROJECT_PATH")), env.get("CI_COMMIT_SHA"),
                    env.get("CI_COMMIT_REF_NAME"), env.get("CI_PIPELINE_URL"),
                    env.getOrDefault("CI_JOB_ID", env.get("CI_PIPELINE_ID")));
        }
        if (has(env, "CIRCLE_PROJECT_REPONAME")) {
            return new CiEnvironment("circleci", env.get("CIRCLE_PROJECT_USERNAME") + "/"
                    + env.get("CIRCLE_PROJECT_REPONAME"), env.get("CIRCLE_SHA1"), env.get("CIRCLE_BRANCH"),
                    env.get("CIRCLE_BUILD_URL"), env.getOrDefault("CIRCLE_WORKFLOW_JOB_ID", env.get("CIRCLE_BUILD_NUM")));
        }
        if (has(env, "BUILD_URL") && (has(env, "JENKINS_URL") || has(env, "GIT_COMMIT"))) {
            String repo = has(env, "GIT_URL") ? repositoryOf(env.get("GIT_URL")) : jobRepository(env.get("JOB_NAME"));
            return new CiEnvironment("jenkins", repo, env.get("GIT_COMMIT"), env.get("GIT_BRANCH"),
                    env.get("BUILD_URL"), env.get("BUILD_URL"));
        }
        return new CiEnvironment(null, null, null, null, null, null);
    }

    /** GitLab paths may have subgroups (group/sub/name); the server's projects are owner/name. */
    static String lastTwoSegments(String path) {
        String[] parts = path.split("/");
        return parts.length <= 2 ? path : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    /** owner/name from https://host/owner/name.git or git@host:owner/name.git. */
    static String repositoryOf(String gitUrl) {
        String path = gitUrl.replaceFirst("\\.git$", "").replaceFirst("^[a-z+]+://[^/]+/", "")
                .replaceFirst("^[^@/]+@[^:]+:", "");
        return lastTwoSegments(path);
    }

    /** A job name is only a guess at the repository; --repository overrides it. */
    private static String jobRepository(String jobName) {
        return jobName == null ? null : lastTwoSegments(jobName);
    }

    private static boolean has(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
