package dev.missioncontrol.deployments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a CI system says about the run that deploys: the repository, commit, ref and a link to the run, read from the
 * variables GitHub Actions, GitLab CI, CircleCI and Jenkins set. {@code runId} identifies the run (and its retry
 * attempt), so the same run posting twice is one deployment event. A ref is written as GitHub gives it
 * ({@code refs/heads/main}, {@code refs/tags/v1.2}), whichever system ran, so deployments from two systems compare.
 * Only GitLab names the commit's message.
 */
record CiEnvironment(String provider, String repository, String sha, String ref, String runUrl, String runId,
        String commitMessage) {
    private static final int MAX_MESSAGE = 10_000;

    static CiEnvironment detect(Map<String, String> env) {
        if (has(env, "GITHUB_REPOSITORY")) {
            String repo = env.get("GITHUB_REPOSITORY");
            String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
            String run = env.get("GITHUB_RUN_ID");
            String url = run == null ? null : server + "/" + repo + "/actions/runs/" + run;
            return new CiEnvironment("github", repo, env.get("GITHUB_SHA"), env.get("GITHUB_REF"), url,
                    run == null ? null : run + "." + env.getOrDefault("GITHUB_RUN_ATTEMPT", "1"), null);
        }
        if (has(env, "CI_PROJECT_PATH")) {
            return new CiEnvironment("gitlab", env.get("CI_PROJECT_PATH"), env.get("CI_COMMIT_SHA"),
                    ref(env, "CI_COMMIT_TAG", "CI_COMMIT_BRANCH", mergeRequestRef(env)),
                    env.get("CI_PIPELINE_URL"), env.getOrDefault("CI_JOB_ID", env.get("CI_PIPELINE_ID")),
                    cut(env.getOrDefault("CI_COMMIT_MESSAGE", env.get("CI_COMMIT_TITLE"))));
        }
        if (has(env, "CIRCLE_PROJECT_REPONAME") || "true".equals(env.get("CIRCLECI"))) {
            return new CiEnvironment("circleci", circleRepository(env), env.get("CIRCLE_SHA1"),
                    ref(env, "CIRCLE_TAG", "CIRCLE_BRANCH", null), env.get("CIRCLE_BUILD_URL"),
                    env.getOrDefault("CIRCLE_WORKFLOW_JOB_ID", env.get("CIRCLE_BUILD_NUM")), null);
        }
        if (has(env, "BUILD_URL") && (has(env, "JENKINS_URL") || has(env, "GIT_COMMIT")) || jenkinsBuild(env)) {
            String repo = has(env, "GIT_URL") ? repositoryOf(env.get("GIT_URL")) : jobRepository(env);
            String build = has(env, "BUILD_URL") ? env.get("BUILD_URL")
                    : env.get("JOB_NAME") + "#" + env.get("BUILD_NUMBER");
            return new CiEnvironment("jenkins", repo, env.get("GIT_COMMIT"), jenkinsRef(env),
                    env.get("BUILD_URL"), build, null);
        }
        return new CiEnvironment(null, null, null, null, null, null, null);
    }

    /**
     * A GitLab merge request pipeline has no CI_COMMIT_BRANCH. Its source branch is a branch of this repository when
     * the request comes from the project itself, and is named as one; a fork's branch is not, and keeps its bare name.
     */
    private static String mergeRequestRef(Map<String, String> env) {
        String source = env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME");
        boolean ownBranch = has(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")
                && env.get("CI_PROJECT_PATH").equals(env.get("CI_MERGE_REQUEST_SOURCE_PROJECT_PATH"));
        return ownBranch ? "refs/heads/" + source : env.get("CI_COMMIT_REF_NAME");
    }

    /**
     * CircleCI names the project's owner and name only for GitHub OAuth and Bitbucket Cloud projects; a GitHub App or
     * GitLab project has its clone URL, or nothing (then --repository names it).
     */
    private static String circleRepository(Map<String, String> env) {
        if (has(env, "CIRCLE_PROJECT_USERNAME") && has(env, "CIRCLE_PROJECT_REPONAME")) {
            return env.get("CIRCLE_PROJECT_USERNAME") + "/" + env.get("CIRCLE_PROJECT_REPONAME");
        }
        return has(env, "CIRCLE_REPOSITORY_URL") ? repositoryOf(env.get("CIRCLE_REPOSITORY_URL")) : null;
    }

    /**
     * A tag's run names the tag, a branch's run the branch; neither (a GitLab merge request pipeline) gets
     * {@code otherwise}.
     */
    private static String ref(Map<String, String> env, String tag, String branch, String otherwise) {
        if (has(env, tag)) {
            return "refs/tags/" + env.get(tag);
        }
        return has(env, branch) ? "refs/heads/" + env.get(branch) : otherwise;
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
     * Jenkins sets JENKINS_URL and BUILD_URL only once its own URL is configured; every build has its job's name and
     * number, and a tag made of them.
     */
    private static boolean jenkinsBuild(Map<String, String> env) {
        return has(env, "JOB_NAME") && has(env, "BUILD_NUMBER")
                && env.getOrDefault("BUILD_TAG", "").startsWith("jenkins-");
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
     * A multibranch pipeline's TAG_NAME or BRANCH_NAME (a pull request's PR-12 is no branch, and is kept as named),
     * else the Git plugin's GIT_BRANCH without its remote (origin/main is the branch main); a job that builds a tag
     * names it refs/tags/v1.2 or origin/tags/v1.2 there, which is the tag, not a branch of that name.
     */
    private static String jenkinsRef(Map<String, String> env) {
        if (has(env, "TAG_NAME")) {
            return "refs/tags/" + env.get("TAG_NAME");
        }
        if (has(env, "BRANCH_NAME")) {
            return has(env, "CHANGE_ID") ? env.get("BRANCH_NAME") : "refs/heads/" + env.get("BRANCH_NAME");
        }
        String branch = env.get("GIT_BRANCH");
        if (branch == null) {
            return null;
        }
        String tag = branch.replaceFirst("^(refs/tags/|origin/tags/|tags/)", "");
        return !tag.equals(branch) ? "refs/tags/" + tag
                : "refs/heads/" + branch.replaceFirst("^(refs/remotes/origin/|origin/|refs/heads/)", "");
    }

    /** The API takes at most 10,000 characters of a commit message; a longer one would fail the whole event. */
    private static String cut(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }

    private static boolean has(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
