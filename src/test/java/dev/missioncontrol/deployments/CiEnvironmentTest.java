package dev.missioncontrol.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.store.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiEnvironmentTest {

    @Test
    void reads_github_actions() {
        var ci = CiEnvironment.detect(Map.of("GITHUB_REPOSITORY", "acme/web", "GITHUB_SHA", "abc123",
                "GITHUB_REF", "refs/heads/main", "GITHUB_SERVER_URL", "https://github.com", "GITHUB_RUN_ID", "77",
                "GITHUB_RUN_ATTEMPT", "2"));
        assertThat(ci).isEqualTo(new CiEnvironment("github", "acme/web", "abc123", "refs/heads/main",
                "https://github.com/acme/web/actions/runs/77", "77.2", null));
    }

    @Test
    void reads_gitlab_with_subgroups_circleci_and_jenkins() {
        var gitlab = CiEnvironment.detect(Map.of("CI_PROJECT_PATH", "acme/platform/web", "CI_COMMIT_SHA", "def456",
                "CI_COMMIT_REF_NAME", "main", "CI_PIPELINE_URL", "https://gitlab.com/acme/platform/web/-/pipelines/9",
                "CI_PIPELINE_ID", "9"));
        assertThat(gitlab.repository()).as("a subgroup's project keeps its whole path").isEqualTo("acme/platform/web");
        assertThat(gitlab.runUrl()).endsWith("/pipelines/9");
        var circle = CiEnvironment.detect(Map.of("CIRCLE_PROJECT_USERNAME", "acme", "CIRCLE_PROJECT_REPONAME", "web",
                "CIRCLE_SHA1", "aaa111", "CIRCLE_BRANCH", "main", "CIRCLE_BUILD_URL", "https://circleci.com/gh/acme/web/5",
                "CIRCLE_BUILD_NUM", "5"));
        assertThat(circle).isEqualTo(new CiEnvironment("circleci", "acme/web", "aaa111", "refs/heads/main",
                "https://circleci.com/gh/acme/web/5", "5", null));
        var jenkins = CiEnvironment.detect(Map.of("GIT_COMMIT", "bbb222", "GIT_BRANCH", "origin/main",
                "BUILD_URL", "https://jenkins.example.com/job/web/12/", "JOB_NAME", "web",
                "GIT_URL", "git@github.com:acme/web.git"));
        assertThat(jenkins.repository()).isEqualTo("acme/web");
        assertThat(jenkins.sha()).isEqualTo("bbb222");
        assertThat(jenkins.ref()).as("the Git plugin's remote is no part of the branch").isEqualTo("refs/heads/main");
    }

    /** A CircleCI project on the GitHub App or GitLab has no CIRCLE_PROJECT_USERNAME or _REPONAME. */
    @Test
    void circleci_without_the_project_variables_is_still_circleci_and_reads_the_clone_url() {
        var app = CiEnvironment.detect(Map.of("CIRCLECI", "true", "CIRCLE_SHA1", "aaa111", "CIRCLE_BRANCH", "main",
                "CIRCLE_REPOSITORY_URL", "git@gitlab.com:acme/platform/web.git",
                "CIRCLE_BUILD_URL", "https://app.circleci.com/jobs/circleci/abc/def/5", "CIRCLE_WORKFLOW_JOB_ID", "j-5"));
        assertThat(app).isEqualTo(new CiEnvironment("circleci", "acme/platform/web", "aaa111", "refs/heads/main",
                "https://app.circleci.com/jobs/circleci/abc/def/5", "j-5", null));
        assertThat(CiEnvironment.detect(Map.of("CIRCLECI", "true", "CIRCLE_BUILD_NUM", "5")).repository())
                .as("nothing to guess from: --repository names it, rather than null/null").isNull();
    }

    /** A ref reads as GitHub writes it whichever system ran, so deployments from two systems compare. */
    @Test
    void every_system_names_a_branch_or_tag_as_a_full_ref() {
        Map<String, String> gitlab = Map.of("CI_PROJECT_PATH", "acme/web", "CI_COMMIT_REF_NAME", "main",
                "CI_COMMIT_BRANCH", "main");
        assertThat(CiEnvironment.detect(gitlab).ref()).isEqualTo("refs/heads/main");
        assertThat(CiEnvironment.detect(Map.of("CI_PROJECT_PATH", "acme/web", "CI_COMMIT_REF_NAME", "v1.2",
                "CI_COMMIT_TAG", "v1.2")).ref()).isEqualTo("refs/tags/v1.2");
        assertThat(CiEnvironment.detect(Map.of("CI_PROJECT_PATH", "acme/web", "CI_COMMIT_REF_NAME", "feature"))
                .ref()).as("a merge request pipeline names no branch of its own").isEqualTo("feature");
        Map<String, String> mergeRequest = Map.of("CI_PROJECT_PATH", "acme/web", "CI_COMMIT_REF_NAME", "feature",
                "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature", "CI_MERGE_REQUEST_SOURCE_PROJECT_PATH", "acme/web");
        assertThat(CiEnvironment.detect(mergeRequest).ref()).as("a merge request from the project's own branch")
                .isEqualTo("refs/heads/feature");
        Map<String, String> fromFork = new java.util.HashMap<>(mergeRequest);
        fromFork.put("CI_MERGE_REQUEST_SOURCE_PROJECT_PATH", "someone/web");
        assertThat(CiEnvironment.detect(fromFork).ref()).as("a fork's branch is no branch here").isEqualTo("feature");
        assertThat(CiEnvironment.detect(Map.of("CIRCLE_PROJECT_REPONAME", "web", "CIRCLE_TAG", "v1.2")).ref())
                .isEqualTo("refs/tags/v1.2");
        assertThat(CiEnvironment.detect(Map.of("JENKINS_URL", "https://ci/", "BUILD_URL", "https://ci/job/w/1/",
                "TAG_NAME", "v1.2", "BRANCH_NAME", "v1.2")).ref()).isEqualTo("refs/tags/v1.2");
        assertThat(CiEnvironment.detect(Map.of("JENKINS_URL", "https://ci/", "BUILD_URL", "https://ci/job/w/1/",
                "BRANCH_NAME", "PR-12", "CHANGE_ID", "12")).ref()).as("a pull request is no branch").isEqualTo("PR-12");
        for (String tagBuild : new String[] {"refs/tags/v1.2", "origin/tags/v1.2"}) {
            assertThat(CiEnvironment.detect(Map.of("JENKINS_URL", "https://ci/", "BUILD_URL", "https://ci/job/w/1/",
                    "GIT_BRANCH", tagBuild)).ref()).as(tagBuild).isEqualTo("refs/tags/v1.2");
        }
    }

    @Test
    void gitlab_names_the_commit_message_within_what_the_api_takes() {
        assertThat(CiEnvironment.detect(Map.of("CI_PROJECT_PATH", "acme/web", "CI_COMMIT_TITLE", "Fix login",
                "CI_COMMIT_MESSAGE", "Fix login\n\nThe session expired early.")).commitMessage())
                .isEqualTo("Fix login\n\nThe session expired early.");
        assertThat(CiEnvironment.detect(Map.of("CI_PROJECT_PATH", "acme/web", "CI_COMMIT_MESSAGE", "x".repeat(20_000)))
                .commitMessage()).hasSize(10_000);
    }

    /** A Jenkins whose own URL was never configured sets no JENKINS_URL or BUILD_URL: it is still Jenkins. */
    @Test
    void jenkins_without_its_url_configured_is_still_jenkins_and_keys_the_build_by_job_and_number() {
        var ci = CiEnvironment.detect(Map.of("JOB_NAME", "platform/web", "BUILD_NUMBER", "12",
                "BUILD_TAG", "jenkins-platform-web-12", "GIT_COMMIT", "bbb222", "GIT_BRANCH", "origin/main",
                "GIT_URL", "https://git.example.com/acme/web.git"));
        assertThat(ci).isEqualTo(new CiEnvironment("jenkins", "acme/web", "bbb222", "refs/heads/main", null,
                "platform/web#12", null));
    }

    @Test
    void jenkins_reads_a_multibranch_pipeline_and_a_subgroup_url() {
        var multibranch = CiEnvironment.detect(Map.of("JENKINS_URL", "https://ci.example/", "BUILD_URL",
                "https://ci.example/job/acme/job/web/job/feature%252Fx/3/", "JOB_NAME", "acme/web/feature%2Fx",
                "BRANCH_NAME", "feature/x", "GIT_COMMIT", "ccc333"));
        assertThat(multibranch.repository()).isEqualTo("acme/web");
        assertThat(multibranch.ref()).isEqualTo("refs/heads/feature/x");
        var lone = CiEnvironment.detect(Map.of("JENKINS_URL", "https://ci.example/", "BUILD_URL",
                "https://ci.example/job/web/4/", "JOB_NAME", "web", "GIT_BRANCH", "refs/remotes/origin/release/2"));
        assertThat(lone.repository()).as("a lone job name is no owner/name; the server picks the only project")
                .isNull();
        assertThat(lone.ref()).isEqualTo("refs/heads/release/2");
        var subgroup = CiEnvironment.detect(Map.of("JENKINS_URL", "https://ci.example/", "BUILD_URL",
                "https://ci.example/job/web/5/", "GIT_URL", "https://jenkins:tok@gitlab.example/acme/platform/web.git"));
        assertThat(subgroup.repository()).isEqualTo("acme/platform/web");
        assertThat(CiEnvironment.repositoryOf("https://bitbucket.example.com/scm/proj/repo.git")).isEqualTo("proj/repo");
        assertThat(CiEnvironment.repositoryOf("https://dev.azure.com/acme/shop/_git/web")).isEqualTo("acme/shop/web");
        assertThat(CiEnvironment.repositoryOf("file:///srv/git/acme/web.git")).isEqualTo("acme/web");
        assertThat(CiEnvironment.repositoryOf("ssh://git@git.example.com:2222/acme/web.git")).isEqualTo("acme/web");
    }

    @Test
    void the_environment_comes_from_the_flag_then_mc_environment_then_the_gitlab_jobs_own() {
        Map<String, String> gitlab = Map.of("CI_PROJECT_PATH", "acme/web", "CI_ENVIRONMENT_NAME", "review/feature-x");
        assertThat(environmentSent(gitlab)).isEqualTo("review/feature-x");
        assertThat(environmentSent(Map.of("CI_PROJECT_PATH", "acme/web", "CI_ENVIRONMENT_NAME", "review/x",
                "MC_ENVIRONMENT", "staging"))).isEqualTo("staging");
        assertThat(environmentSent(gitlab, "--environment", "production")).isEqualTo("production");
        assertThat(new DeployCommand(Map.of()).event(CiEnvironment.detect(Map.of())).path("event_metadata")
                .has("environment")).isFalse();
    }

    private static String environmentSent(Map<String, String> env, String... args) {
        DeployCommand command = new DeployCommand(env);
        new picocli.CommandLine(command).parseArgs(args);
        return command.event(CiEnvironment.detect(env)).path("event_metadata").path("environment").asText();
    }

    @Test
    void outside_ci_nothing_is_known_and_no_idempotency_key_is_sent() {
        var none = CiEnvironment.detect(Map.of());
        assertThat(none.provider()).isNull();
        assertThat(new DeployCommand(Map.of()).idempotencyKey(none, Json.object())).isNull();
    }

    @Test
    void a_retried_step_repeats_its_key_and_another_event_of_the_same_run_gets_its_own() {
        Map<String, String> jenkins = Map.of("JENKINS_URL", "https://ci.example/", "GIT_COMMIT", "abc123",
                "GIT_URL", "https://git.example/acme/web.git",
                "BUILD_URL", "https://ci.example/job/" + "platform-folder/job/".repeat(15) + "deploy/42/");
        assertThat(jenkins.get("BUILD_URL")).hasSizeGreaterThan(255);
        String api = keyFor(jenkins, "-m", "deploy api");
        assertThat(keyFor(jenkins, "-m", "deploy api")).as("the same step retried").isEqualTo(api);
        assertThat(keyFor(jenkins, "-m", "deploy worker")).isNotEqualTo(api);
        assertThat(keyFor(jenkins, "-m", "deploy api", "--status", "failure")).isNotEqualTo(api);
        assertThat(api).startsWith("missionctl-jenkins-").hasSizeLessThanOrEqualTo(255).doesNotContain("ci.example");
    }

    private static String keyFor(Map<String, String> env, String... args) {
        DeployCommand command = new DeployCommand(env);
        new picocli.CommandLine(command).parseArgs(args);
        CiEnvironment ci = CiEnvironment.detect(env);
        return command.idempotencyKey(ci, command.event(ci));
    }
}
