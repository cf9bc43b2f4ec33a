package io.webprobe.cli;

import io.webprobe.Version;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.export.CrawlExport;
import io.webprobe.export.ExportBatch;
import io.webprobe.export.ExportException;
import io.webprobe.http.TlsTrust;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingSnapshot;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code webprobe selfcheck}: checks that Webprobe works on this machine, end to end, without
 * the network: it serves a small site on loopback, crawls it into a crawl file, writes its CSV
 * files and pings it. It is also the training run after a build (the JVM's start-up cache
 * learns the classes and methods a crawl uses).
 */
@Command(
        name = "selfcheck",
        mixinStandardHelpOptions = true,
        versionProvider = WebprobeCli.VersionProvider.class,
        description = "Check that Webprobe works here: crawl and ping a small site it serves on "
                + "loopback, and write its CSV files. Nothing leaves the machine.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Webprobe works", "2:something did not work (the sentence says what)"})
public final class SelfCheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Path dir = null;
        try (SelfCheckSite site = new SelfCheckSite()) {
            dir = Files.createTempDirectory("webprobe-selfcheck-");
            long urls = crawl(site, dir);
            long pings = ping(site);
            out.println(String.format(Locale.ROOT, "Webprobe %s works here: crawled %d URLs of "
                    + "a test site, wrote its CSV files and pinged it %d times, in %.1f s.",
                    Version.get(), urls, pings, (System.nanoTime() - t0) / 1e9));
            out.flush();
            return CrawlCommand.OK;
        } catch (Failure | IOException e) {
            err.println("webprobe: The self-check failed: " + e.getMessage());
            err.flush();
            return CrawlCommand.FAILED;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static long crawl(SelfCheckSite site, Path dir)
            throws Failure, InterruptedException {
        CrawlPlan plan = CrawlPlan.of(URI.create(site.url()), Version.userAgent())
                .withThreads(4).withSitemaps(true);
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        try (CrawlStore store = CrawlStore.createTemporary(plan)) {
            return crawlInto(store, plan, done, dir);
        } catch (StoreException | ExportException | TlsTrust.TrustException e) {
            throw new Failure(lowerFirst(e.getMessage()));
        } catch (TimeoutException e) {
            throw new Failure("the crawl of the test site did not end within a minute.");
        } catch (ExecutionException e) {
            throw new Failure("the crawl of the test site failed.");
        }
    }

    private static long crawlInto(CrawlStore store, CrawlPlan plan,
            CompletableFuture<CrawlSummary> done, Path dir) throws Failure, StoreException,
            ExportException, TlsTrust.TrustException, InterruptedException, ExecutionException,
            TimeoutException {
        try (CrawlJob job = CrawlJob.builder(plan, CrawlProbes.forPlan(plan), store.sink())
                .listener(new CrawlListener() {
                    @Override
                    public void onFinished(CrawlSummary s) {
                        done.complete(s);
                    }
                }).build()) {
            job.start();
            CrawlSummary s = done.get(60, TimeUnit.SECONDS);
            if (s.startFailure() != null || s.failure() != null) {
                throw new Failure("the crawl of the test site ended early ("
                        + (s.failure() != null ? s.failure() : s.startFailure()) + ")");
            }
            if (s.brokenLinks() != SelfCheckSite.BROKEN_LINKS) {
                throw new Failure("the crawl found " + s.brokenLinks() + " broken links "
                        + "where the test site has " + SelfCheckSite.BROKEN_LINKS + ".");
            }
        }
        try (CrawlReader reader = store.reader()) {
            CrawlExport.write(reader, dir.resolve("pages.csv"), dir.resolve("broken.csv"),
                    dir.resolve("orphans.csv"), new ExportBatch());
            return reader.counts().crawled();
        }
    }

    private static long ping(SelfCheckSite site) throws Failure, InterruptedException {
        PingPlan plan = PingPlan.of(List.of(URI.create(site.url())), Version.userAgent())
                .withCount(50).withConcurrency(4);
        try (PingJob job = new PingJob(plan, PingListener.NONE)) {
            job.start();
            PingSnapshot s = job.completion().get(60, TimeUnit.SECONDS);
            long ok = s.results().get(0).ok();
            if (ok != 50) {
                throw new Failure("only " + ok + " of 50 pings of the test site were answered.");
            }
            return ok;
        } catch (TimeoutException | ExecutionException e) {
            throw new Failure("the ping of the test site did not end.");
        }
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "an unknown reason." : Character.toLowerCase(s.charAt(0))
                + s.substring(1);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    /** What did not work, as the end of a sentence. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
