package dev.missioncontrol.deployments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
            return new CiEnvironment("gitlab", env.get("CI_PROJECT_PATH"), env.get("CI_COMMIT_SHA"),
                    env.get("CI_COMMIT_REF_NAME"), env.get("CI_PIPELINE_URL"),
                    env.getOrDefault("CI_JOB_ID", env.get("CI_PIPELINE_ID")));
        }
        if (has(env, "CIRCLE_PROJECT_REPONAME")) {
            return new CiEnvironment("circleci", env.get("CIRCLE_PROJECT_USERNAME") + "/"
                    + env.get("CIRCLE_PROJECT_REPONAME"), env.get("CIRCLE_SHA1"), env.get("CIRCLE_BRANCH"),
                    env.get("CIRCLE_BUILD_URL"), env.getOrDefault("CIRCLE_WORKFLOW_JOB_ID", env.get("CIRCLE_BUILD_NUM")));
        }
        if (has(env, "BUILD_URL") && (has(env, "JENKINS_URL") || has(env, "GIT_COMMIT"))) {
            String repo = has(env, "GIT_URL") ? repositoryOf(env.get("GIT_URL")) : jobRepository(env);
            return new CiEnvironment("jenkins", repo, env.get("GIT_COMMIT"), jenkinsBranch(env),
                    env.get("BUILD_URL"), env.get("BUILD_URL"));
        }
        return new CiEnvironment(null, null, null, null, null, null);
    }

    /**
     * owner/name from https://host/owner/name.git or git@host:owner/name.git, the whole path kept: a GitLab project
     * in a subgroup is group/sub/name there too, as GitLab CI names it. Bitbucket Server serves its clones under
     * /scm/ and Azure DevOps under /_git/, which are no part of the name; a clone from a local path or file:// has no
     * owner but its last two folders.
     */
    static String repositoryOf(String gitUrl) {
        String path = gitUrl.replaceFirst("/+$", "").replaceFirst("\\.git$", "");
        if (path.startsWith("/") || path.startsWith("file:")) {
            String[] parts = path.split("/");
            return parts.length < 2 ? null : parts[parts.length - 2] + "/" + parts[parts.length - 1];
        }
        return path.replaceFirst("^[a-z+]+://[^/]+/", "").replaceFirst("^[^@/]+@[^:]+:", "")
                .replaceFirst("^scm/", "").replace("/_git/", "/");
    }

    /**
     * A job name is only a guess at the repository (--repository overrides it). A multibranch pipeline's job is
     * folder/repository/branch, so the branch is taken off; a lone job name is no owner/name and guesses nothing.
     */
    private static String jobRepository(Map<String, String> env) {
        String job = env.get("JOB_NAME");
        String branch = env.get("BRANCH_NAME");
        if (job != null && branch != null && job.endsWith("/" + URLEncoder.encode(branch, StandardCharsets.UTF_8))) {
            job = job.substring(0, job.lastIndexOf('/'));
        }
        return job == null || !job.contains("/") ? null : job;
    }

    /**
     * The branch as the other CI systems name it: a multibranch pipeline's BRANCH_NAME, else the Git plugin's
     * GIT_BRANCH without its remote (origin/main is the branch main).
     */
    private static String jenkinsBranch(Map<String, String> env) {
        if (has(env, "BRANCH_NAME")) {
            return env.get("BRANCH_NAME");
        }
        String branch = env.get("GIT_BRANCH");
        return branch == null ? null : branch.replaceFirst("^(refs/remotes/)?origin/", "");
    }

    private static boolean has(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
