package io.webprobe.ui.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.Recheck;
import io.webprobe.crawl.ResumeState;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrawlLauncher} with a factory of the test's and two queues standing in for the
 * background threads and the FX thread, run by hand: what runs where, and the one sentence
 * each failure becomes. No job is started and nothing is fetched.
 */
class CrawlLauncherTest {
    private static final CrawlPlan PLAN = CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t");

    @TempDir
    Path dir;

    private final Deque<Runnable> background = new ArrayDeque<>();
    private final Deque<Runnable> fx = new ArrayDeque<>();
    private final CrawlListener listener = new CrawlListener() {};

    /** What the factory does; a test replaces one to make it fail. */
    private StoreMaker stores = plan -> CrawlStore.create(dir.resolve("crawl-" + System.nanoTime()
            + CrawlStore.EXTENSION), plan);
    private JobMaker jobs = (store, resume, l) -> CrawlJob.builder(store.plan(),
            new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
            .resume(resume).listener(l).build();

    private final List<CrawlStore> storesMade = new ArrayList<>();
    private final List<CrawlJob> jobsMade = new ArrayList<>();
    private final List<ResumeState> resumes = new ArrayList<>();

    private final CrawlLauncher launcher = new CrawlLauncher(new CrawlJobFactory() {
        @Override
        public io.webprobe.store.NewCrawlFile newStore(CrawlPlan plan) throws StoreException {
            CrawlStore s = stores.make(plan);
            storesMade.add(s);
            return io.webprobe.store.NewCrawlFile.kept(s);
        }

        @Override
        public CrawlJob job(CrawlStore store, ResumeState resume, CrawlListener l,
                io.webprobe.crawl.SiteHeaders signIn, int threads) throws StoreException {
            resumes.add(resume);
            CrawlJob j = jobs.make(store, resume, l);
            jobsMade.add(j);
            return j;
        }

        @Override
        public Recheck recheck(CrawlStore store, Clock clock,
                io.webprobe.crawl.SiteHeaders signIn) {
            throw new AssertionError("not a launcher's");
        }
    }, background::add, fx::add);

    /** The hand-over: records what it was given, and answers {@link #take}. */
    private final List<String> failures = new ArrayList<>();
    private final List<CrawlJob> handedOver = new ArrayList<>();
    private boolean take = true;
    private final CrawlLauncher.Handover then = new CrawlLauncher.Handover() {
        @Override
        public boolean made(CrawlStore store, CrawlJob job, String notKept) {
            handedOver.add(job);
            return take;
        }

        @Override
        public void failed(String why) {
            failures.add(why);
        }

        @Override
        public void signInAsked() {
            failures.add("sign-in asked");
        }
    };

    interface StoreMaker {
        CrawlStore make(CrawlPlan plan) throws StoreException;
    }

    interface JobMaker {
        CrawlJob make(CrawlStore store, ResumeState resume, CrawlListener l)
                throws StoreException;
    }

    @AfterEach
    void closeAll() {
        jobsMade.forEach(CrawlJob::close);
        storesMade.forEach(CrawlStore::close);
    }

    private static void runAll(Deque<Runnable> queue) {
        for (Runnable r; (r = queue.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void aNewCrawlIsMadeInTheBackgroundHandedOverOnTheFxThreadAndStartedInTheBackground() {
        launcher.launch(PLAN, io.webprobe.crawl.SiteHeaders.NONE, listener, then);
        assertThat(storesMade).as("nothing is made on the caller's (FX) thread").isEmpty();
        assertThat(fx).isEmpty();

        runAll(background);
        assertThat(storesMade).hasSize(1);
        assertThat(jobsMade).hasSize(1);
        assertThat(resumes).containsOnlyNulls();
        assertThat(handedOver).as("handed over on the FX thread only").isEmpty();

        runAll(fx);
        assertThat(handedOver).containsExactlyElementsOf(jobsMade);
        assertThat(failures).isEmpty();
        assertThat(fx).isEmpty();
        assertThat(background).as("the job's start, not yet run").hasSize(1);
    }

    @Test
    void aJobTheCallerDoesNotTakeIsNotStarted() {
        take = false;
        launcher.launch(PLAN, io.webprobe.crawl.SiteHeaders.NONE, listener, then);
        runAll(background);
        runAll(fx);

        assertThat(handedOver).hasSize(1);
        assertThat(background).isEmpty();
    }

    @Test
    void aCertificateFileThatCannotBeReadIsItsSentenceAndNoCrawlFileIsMade() throws Exception {
        Path pem = Files.writeString(dir.resolve("staging.pem"), "not a certificate");
        launcher.launch(PLAN.toBuilder().caCertFile(pem.toString()).build(), io.webprobe.crawl.SiteHeaders.NONE, listener, then);
        runAll(background);
        runAll(fx);

        assertThat(failures).containsExactly(pem + " is not a PEM certificate file (it should "
                + "hold -----BEGIN CERTIFICATE----- blocks).");
        assertThat(storesMade).isEmpty();
        assertThat(handedOver).isEmpty();
    }

    @Test
    void aCrawlFileThatCannotBeMadeIsItsSentence() {
        stores = plan -> {
            throw new StoreException("A file named x already exists; Webprobe does not "
                    + "overwrite it. Choose another name.");
        };
        launcher.launch(PLAN, io.webprobe.crawl.SiteHeaders.NONE, listener, then);
        runAll(background);
        assertThat(failures).as("said on the FX thread").isEmpty();
        runAll(fx);

        assertThat(failures).containsExactly("A file named x already exists; Webprobe does not "
                + "overwrite it. Choose another name.");
        assertThat(jobsMade).isEmpty();
        assertThat(background).isEmpty();
    }

    @Test
    void aCrawlFileThatFailsUnforeseenIsSaidPlainlyRatherThanLeftStarting() {
        stores = plan -> {
            throw new IllegalArgumentException("unexpected");
        };
        launcher.launch(PLAN, io.webprobe.crawl.SiteHeaders.NONE, listener, then);
        runAll(background);
        runAll(fx);

        assertThat(failures).containsExactly("The crawl could not start because of an internal "
                + "error; the details are in the log file.");
        assertThat(handedOver).isEmpty();
        assertThat(jobsMade).isEmpty();
    }

    @Test
    void aJobThatCannotBeMadeClosesItsNewCrawlFile() {
        jobs = (store, resume, l) -> {
            throw new StoreException("Cannot write to the crawl file: the disk is full.");
        };
        launcher.launch(PLAN, io.webprobe.crawl.SiteHeaders.NONE, listener, then);
        runAll(background);
        runAll(fx);

        assertThat(failures).containsExactly("Cannot write to the crawl file: the disk is full.");
        assertThat(storesMade).hasSize(1);
        assertThatThrownBy(() -> storesMade.get(0).sink())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailureNobodyWroteASentenceForIsSaidPlainly() {
        jobs = (store, resume, l) -> {
            throw new IllegalStateException("ssl=0x7f00 internal state");
        };
        launcher.launch(PLAN, io.webprobe.crawl.SiteHeaders.NONE, listener, then);
        runAll(background);
        runAll(fx);

        assertThat(failures).containsExactly("The crawl could not start because of an internal "
                + "error; the details are in the log file.");
    }

    @Test
    void aResumedCrawlsJobCarriesOnFromItsFileAndIsStartedInTheBackground() throws Exception {
        CrawlStore store = stores.make(PLAN);
        storesMade.add(store);
        launcher.resume(store, io.webprobe.crawl.SiteHeaders.NONE, 8, listener, then);
        assertThat(jobsMade).isEmpty();

        runAll(background);
        assertThat(resumes).hasSize(1).doesNotContainNull();
        runAll(fx);

        assertThat(handedOver).containsExactlyElementsOf(jobsMade);
        assertThat(background).as("the job's start").hasSize(1);
    }

    @Test
    void aResumeThatCannotBeMadeIsSaidAndLeavesTheFileShownOpen() throws Exception {
        CrawlStore store = stores.make(PLAN);
        storesMade.add(store);
        jobs = (s, resume, l) -> {
            throw new StoreException("The crawl file is damaged.");
        };
        launcher.resume(store, io.webprobe.crawl.SiteHeaders.NONE, 8, listener, then);
        runAll(background);
        runAll(fx);

        assertThat(failures).containsExactly("The crawl file is damaged.");
        assertThat(store.sink()).as("the file is the workspace's, still open").isNotNull();
    }
}
