package io.webprobe.store;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example queries of docs/storage.md, run as a user would run them in the sqlite3 shell
 * (a plain connection, none of Webprobe's SQL functions) on a real crawl file: each runs, and
 * answers what its sentence says.
 */
class StorageDocQueriesTest {
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private Path crawlOfTheSite() throws Exception {
        server.route("/", html("<title>Home</title><a href=/a>a</a> <a href=/b>b</a>"
                + " <a href=/gone>gone</a> <a href=/moved>moved</a> <a href=/old>old</a>"
                + " <a href=/a#here>here</a> <a href=/a#nope>nope</a>"
                + " <a href=/old#also-not>via redirect</a> <a href=/private>private</a>"));
        server.route("/robots.txt", LocalHttpServer.respond(200, "text/plain",
                "User-agent: *\nDisallow: /private\n"));
        server.route("/a", html("<title>Same</title><p id=here>a</p>"));
        server.route("/b", html("<title>Same</title><a href=/gone>gone from b</a>"));
        server.route("/moved", LocalHttpServer.redirect(302, "/gone"));
        server.route("/old", LocalHttpServer.redirect(301, "/a"));
        // /gone is not routed: 404, with a title of its own ("Not found")
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(2)
                .withCheckAnchors(true);
        Path file = dir.resolve("doc.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan);
                CrawlJob job = CrawlJob.builder(plan,
                        new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()).build()) {
            job.start();
            job.completion().get(60, TimeUnit.SECONDS);
            store.sink().flush().get();
        }
        return file;
    }

    private static List<String> documentedQueries() throws Exception {
        Matcher m = SQL_BLOCK.matcher(Files.readString(Path.of("docs/storage.md")));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            for (String statement : m.group(1).split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    out.add(statement.strip());
                }
            }
        }
        return out;
    }

    /** The documented query that contains {@code marker}: exactly one does. */
    private static String query(List<String> queries, String marker) {
        List<String> found = queries.stream().filter(q -> q.contains(marker)).toList();
        assertThat(found).as("queries containing " + marker).hasSize(1);
        return found.get(0);
    }

    /** Each row's columns joined by " | ", the server's address left out. */
    private List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = rs.getString(i);
                    cols.add(v == null ? "NULL" : v.replace(server.url(""), ""));
                }
                out.add(String.join(" | ", cols));
            }
        }
        return out;
    }

    @Test
    void everyDocumentedQueryRunsAndAnswersWhatItsSentenceSays() throws Exception {
        Path file = crawlOfTheSite();
        List<String> queries = documentedQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String q : queries) {
                rows(c, q); // each runs in a plain connection
            }
            // every page linking to a 404, with the link text
            assertThat(rows(c, query(queries, "t.status = 404")))
                    .containsExactly("/ | /gone | gone", "/b | /gone | gone from b");
            // the slowest HTML answers of the site: the 404's page among them, neither the
            // redirects nor the URL robots.txt kept out
            assertThat(rows(c, query(queries, "response_ms DESC")).stream()
                    .map(r -> r.substring(0, r.indexOf(" | "))))
                    .containsExactlyInAnyOrder("/", "/a", "/b", "/gone");
            // status codes and how many URLs answered each, one not fetched by why
            assertThat(rows(c, query(queries, "AS answer")))
                    .contains("200 | 3", "404 | 1", "302 | 1", "301 | 1", "ROBOTS | 1");
            // pages with the same title: the 404's "Not found" is no page of the site
            assertThat(rows(c, query(queries, "GROUP_CONCAT")))
                    .singleElement().asString().startsWith("Same | 2 | ");
            // every redirect with its target's status
            assertThat(rows(c, query(queries, "target_status")))
                    .containsExactlyInAnyOrder("/moved | 302 | /gone | 404",
                            "/old | 301 | /a | 200");
            // where the crawl stands
            // /, /a, /b, /gone, /moved, /old and /private
            assertThat(rows(c, query(queries, "AS queued"))).containsExactly("7 | 0");
            // the missing anchors, as the crawl's own reader finds them
            assertThat(rows(c, query(queries, "judged_on"))).containsExactly(
                    "/ | /a#nope | /a | nope", "/ | /old#also-not | /a | via redirect");
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            assertThat(reader.missingAnchorCount()).isEqualTo(2);
        }
    }
}
