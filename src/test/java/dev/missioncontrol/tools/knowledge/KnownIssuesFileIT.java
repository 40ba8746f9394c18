package dev.missioncontrol.tools.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIssuesFileIT {

    @Test
    void the_data_directory_file_adds_signatures_and_replaces_built_in_ones_by_id(@TempDir Path dataDir)
            throws Exception {
        Files.writeString(dataDir.resolve("known-issues.json"), """
                [{"id":"ledger-lock","title":"Ledger lock held","patterns":["ledger lock held by"],
                  "diagnosis":"The nightly job holds the ledger lock.","remediation":"Move the job."},
                 {"id":"disk-full","title":"Our disk full","patterns":["volume /data at 100%"],
                  "diagnosis":"d","remediation":"r"}]""");
        KnownIssues issues = KnownIssues.load(dataDir);
        int builtIn = KnownIssues.builtIn().all().size();
        assertThat(issues.all()).hasSize(builtIn + 1);
        assertThat(issues.all()).filteredOn(i -> i.id().equals("disk-full")).singleElement()
                .satisfies(i -> assertThat(i.title()).isEqualTo("Our disk full"));
        assertThat(issues.all()).anySatisfy(i -> assertThat(i.specificity("ledger lock held by job 7")).isPositive());
    }

    @Test
    void a_broken_file_leaves_the_built_in_catalogue(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("known-issues.json"), "{not json");
        assertThat(KnownIssues.load(dataDir).all()).hasSameSizeAs(KnownIssues.builtIn().all());
    }
}
