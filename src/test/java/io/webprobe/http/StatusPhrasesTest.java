package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class StatusPhrasesTest {

    @Test
    void aStatusReadsWithItsPhraseAndAnErrorKeepsItsLabel() {
        assertThat(StatusPhrases.withPhrase(404, "404")).isEqualTo("404 Not Found");
        assertThat(StatusPhrases.withPhrase(200, "200")).isEqualTo("200 OK");
        assertThat(StatusPhrases.withPhrase(599, "599")).isEqualTo("599");
        assertThat(StatusPhrases.withPhrase(0, "Connection refused"))
                .isEqualTo("Connection refused");
    }

    @Test
    void theSqlFormSaysWhatTheJavaFormSays() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement s = c.createStatement()) {
            for (int status = 100; status < 600; status++) {
                try (ResultSet rs = s.executeQuery("SELECT " + StatusPhrases.sqlCase(
                        "(SELECT " + status + ")"))) {
                    rs.next();
                    String sql = rs.getString(1);
                    assertThat(sql == null ? "" : sql).as("status %d", status)
                            .isEqualTo(StatusPhrases.of(status));
                }
            }
        }
    }
}
