package io.webprobe.cli;

import io.webprobe.Version;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.Politeness;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.crawl.ResumeState;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.Header;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.TlsTrust;
import io.webprobe.http.UrlSyntax;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.SqliteHeader;
import io.webprobe.store.StoreException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Opens the crawl file a {@code crawl} works in, from the command's options: the one
 * {@code --resume} names, or a new one ({@code --db}, else a temporary file) for the plan the
 * options describe; with the probe for its plan and the headers for the site's URLs.
 */
final class CrawlOpening {

    /**
     * An open crawl file with what the run needs of it.
     *
     * @param resumeState where the crawl {@code --resume} continues stands; null for a new one
     * @param site the headers and sign-in for the site's URLs, from -H and --user
     */
    record Opened(CrawlStore store, ResumeState resumeState, HttpProbe probe,
            SiteHeaders site) {}

    private CrawlOpening() {}

    /**
     * Opens it; or says why it cannot be opened on {@code err} and returns null (the run's exit
     * code is then {@link CrawlCommand#FAILED}).
     */
    static Opened open(CrawlCommand c, PrintWriter err, CtrlC ctrlC)
            throws InterruptedException {
        CrawlStore store;
        ResumeState resumeState = null;
        HttpProbe probe;
        SiteHeaders site = null;
        TlsTrust trust = null;
        if (c.resumeFile == null) {
            try {
                site = ctrlC.unlessPressed(() -> siteHeaders(c, true)); // its password prompt
            } catch (IllegalArgumentException e) {
                // Header.parse adds no "."
                return failed(err, WebprobeCli.sentence(e.getMessage()));
            }
            if (ctrlC.wasPressed()) { // no file yet
                CrawlCommand.stoppedBeforeStart(err, null);
                return null;
            }
        }
        try {
            if (c.resumeFile != null) {
                store = CrawlStore.open(c.resumeFile, CrawlStore.Access.RESUME);
                if (c.files.orphansCsv != null && !store.plan().useSitemaps()) {
                    // before the resume: it would crawl on and write a header-only file
                    store.close();
                    return failed(err, ExportCommand.noOrphans(c.resumeFile));
                }
                Duration stored = store.plan().timeout();
                if (c.spec.commandLine().getParseResult().hasMatchedOption("--connect-timeout")
                        && c.connectTimeout.compareTo(stored) > 0) {
                    // it would be cut to the stored timeout without a word
                    store.close();
                    return failed(err, "--connect-timeout " + c.spec.commandLine()
                            .getParseResult().matchedOption("--connect-timeout")
                            .stringValues().get(0)
                            + " is longer than the timeout the crawl in " + c.resumeFile
                            + " was started with (" + ProgressFormat.seconds(stored)
                            + "); give it at most that.");
                }
            } else {
                CrawlPlan plan = plan(c);
                if (c.db != null && java.nio.file.Files.exists(c.db)) {
                    return failed(err, existingDb(c.db));
                }
                // a certificate file that cannot be read: before work; read once (a named
                // pipe gives its certificates once) and where Ctrl-C ends a wait for a writer
                trust = ctrlC.unlessPressed(() -> CrawlProbes.trust(plan));
                if (ctrlC.wasPressed()) { // no file yet
                    CrawlCommand.stoppedBeforeStart(err, null);
                    return null;
                }
                // the headers that hold no secret are kept with it, the others' names only
                CrawlPlan sent = plan.withSiteHeaders(site);
                if (c.db == null) {
                    store = CrawlStore.createTemporary(sent);
                } else {
                    try {
                        store = CrawlStore.create(c.db, sent);
                    } catch (StoreException e) {
                        // another crawl given this --db in the same instant made it first
                        return failed(err, java.nio.file.Files.exists(c.db) ? existingDb(c.db)
                                : e.getMessage());
                    }
                }
            }
        } catch (UrlSyntax.InvalidUrlException | IllegalArgumentException | StoreException
                | TlsTrust.TrustException e) {
            return failed(err, e.getMessage());
        }
        try {
            CrawlPlan stored = store.plan();
            if (trust == null) { // a resume: the certificates its crawl was started with
                trust = ctrlC.unlessPressed(() -> CrawlProbes.trust(stored));
            }
            probe = trust == null ? null : CrawlProbes.forPlan(stored, c.connectTimeout, trust);
            if (c.resumeFile != null && !ctrlC.wasPressed()) {
                resumeState = store.resumeState();
                // a finished crawl sends nothing: no password is asked for a --user
                boolean withUser = !resumeState.finished();
                site = ctrlC.unlessPressed(() -> siteHeaders(c, withUser));
            }
            if (ctrlC.wasPressed()) {
                CrawlRun.stoppedBeforeStart(c, store, site, err);
                store.close();
                return null;
            }
        } catch (TlsTrust.TrustException | StoreException e) {
            store.close();
            return failed(err, e.getMessage());
        } catch (IllegalArgumentException e) {
            store.close();
            return failed(err, WebprobeCli.sentence(e.getMessage()));
        }
        return new Opened(store, resumeState, probe, site);
    }

    /** Says why it cannot be opened, as {@link CrawlCommand#fail} does; null. */
    private static Opened failed(PrintWriter err, String message) {
        CrawlCommand.fail(err, message);
        return null;
    }

    /**
     * Why --db cannot take a file that exists: a crawl to continue with --resume, or (a plain
     * SQLite database, a damaged or cut-short crawl file) what --resume would say of it, and
     * that it is not overwritten, so that --db and --resume never send the user to each other.
     */
    private static String existingDb(Path db) {
        String leftover = CrawlStore.emptyLeftover(db);
        if (leftover != null) {
            return leftover;
        }
        String notOverwritten = "Webprobe does not overwrite it. Choose another name.";
        if (!SqliteHeader.isDatabase(db)) {
            return "A file named " + db + " already exists; " + notOverwritten;
        }
        try (CrawlStore stored = CrawlStore.open(db, CrawlStore.Access.READ_ONLY)) {
            return "A file named " + db + " already exists; to continue the crawl stored there "
                    + "use --resume " + db + ", or choose another name.";
        } catch (StoreException e) {
            if (e.heldElsewhere()) { // its crawl goes on there: not to be read, nor resumed
                return "A file named " + db + " already exists, open in another running "
                        + "Webprobe (process " + e.holder() + "); choose another name.";
            }
            // "X is not a Webprobe crawl file.", "X is damaged and cannot be opened."
            return WebprobeCli.sentence(e.getMessage()) + " " + notOverwritten;
        }
    }

    /** The plan the options describe. */
    private static CrawlPlan plan(CrawlCommand c) throws UrlSyntax.InvalidUrlException {
        URI start = UrlSyntax.parseUserUrl(c.url);
        CrawlPlan plan = CrawlPlan.of(start,
                        c.userAgent == null ? Version.userAgent() : c.userAgent)
                .withThreads(c.threads)
                .withTimeout(c.timeout)
                .withMaxBodyBytes(c.maxSize)
                .withCheckExternal(!c.noExternal)
                .withRespectRobots(!c.ignoreRobots)
                .withFollowNofollow(c.followNofollow)
                .withSitemaps(c.sitemaps)
                .withCheckAnchors(c.checkAnchors)
                .withPoliteness(Politeness.DEFAULT
                        .withMaxPerHost(c.maxPerHost)
                        .withRate(Duration.ofMillis(c.delayMs), c.maxRps == null
                                ? Politeness.NO_RATE_LIMIT : c.maxRps)
                        .withMaxCrawlDelay(c.maxCrawlDelay)
                        .withMaxRetries(c.maxRetries)
                        .withMaxRetryAfter(c.maxRetryAfter))
                .withScope(CrawlScope.DEFAULT
                        .withSubdomains(c.subdomains)
                        .withInclude(patterns(c.include, "--include"))
                        .withExclude(patterns(c.exclude, "--exclude"))
                        .withMaxUrlLength(c.maxUrlLength)
                        .withMaxSegmentRepeats(c.maxSegmentRepeats)
                        .withMaxQueryVariants(c.maxQueryVariants));
        if (c.maxDepth != null) {
            plan = plan.withMaxDepth(c.maxDepth);
        }
        if (c.maxPages != null) {
            plan = plan.withMaxPages(c.maxPages);
        }
        return plan.toBuilder().typedAs(c.url).allowPrivate(c.allowPrivate)
                .cookies(!c.noCookies)
                .accept(c.acceptedStatuses())
                .insecure(c.insecure)
                .caCertFile(c.cacert == null ? "" : c.cacert.toAbsolutePath().toString())
                .build();
    }

    /**
     * The headers and sign-in for the site's URLs, from -H and --user.
     *
     * @param withUser whether --user is read (its password asked for when not given): not for
     *     a finished crawl resumed, which sends no request
     * @throws IllegalArgumentException with a plain sentence when one cannot be sent, or the
     *     password is not to be had
     */
    private static SiteHeaders siteHeaders(CrawlCommand c, boolean withUser) {
        List<Header> all = new ArrayList<>();
        all.addAll(SiteHeaders.parse(c.headers).headers()); // the Crawl tab's rule too
        if (c.user != null && withUser) {
            all.add(SignIn.header(c.user));
        }
        return SiteHeaders.of(all);
    }

    private static List<Pattern> patterns(List<String> regexes, String option) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            if (CrawlScope.isBlankPattern(r)) {
                // an empty exclude skips the whole site and still exits 0
                throw new IllegalArgumentException(option + " is given an empty pattern, which "
                        + "matches every URL; give a regular expression or leave " + option
                        + " out.");
            }
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(option + " '" + r + "' is not a valid regular "
                        + "expression: " + e.getDescription() + ".");
            }
            String never = CrawlScope.neverMatches(r);
            if (never != null) {
                throw new IllegalArgumentException(option + " '" + r + "' " + never + ".");
            }
        }
        return out;
    }
}
