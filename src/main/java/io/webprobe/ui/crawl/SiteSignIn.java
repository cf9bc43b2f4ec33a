package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.Header;
import io.webprobe.http.Urls;
import io.webprobe.ui.common.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sign-in a site asked this window for (HTTP basic authentication), as a browser keeps
 * it: asked for when a crawl's start URL answers 401, held in memory only (never in the crawl
 * file, the settings or a log), and sent to that site's own URLs by its later crawls, resumes
 * and re-checks until the window closes. Asked and set on the FX thread; read by the
 * background threads that make jobs and re-checks.
 */
final class SiteSignIn {
    private final DialogService dialogs;
    /** The request headers a crawl file's crawl was started with in this window, by file. */
    private final Function<Path, SiteHeaders> held;
    /** The site it is for, "host:port" as {@link Urls#hostAndPort} gives it. */
    private volatile String site = "";
    private volatile SiteHeaders headers = SiteHeaders.NONE;
    /** Its user name, to fill in when the site refuses it. */
    private String user = "";

    /**
     * @param held the request headers the crawl in a file was started with in this window
     *     (none for a file not started here: the values its file does not keep are not
     *     known); read on any thread
     */
    SiteSignIn(DialogService dialogs, Function<Path, SiteHeaders> held) {
        this.dialogs = dialogs;
        this.held = held;
    }

    /**
     * What a crawl of this plan sends its site's URLs: its own request headers (a crawl
     * file's, those it keeps), with the values its file does not keep when it was started in
     * this window, and the sign-in if it is for its site (in place of an Authorization header
     * among them, which the site refused). Any {@link SiteHeaders#withheld()} left are sent
     * without.
     *
     * @param file the crawl file, or null for a new crawl (its plan holds all it sends)
     */
    SiteHeaders forPlan(CrawlPlan plan, Path file) {
        SiteHeaders own = file == null ? plan.siteHeaders()
                : plan.siteHeaders().plus(held.apply(file));
        return own.plus(signInFor(plan));
    }

    /** The sign-in asked for here if it is for the plan's site. */
    private SiteHeaders signInFor(CrawlPlan plan) {
        SiteHeaders h = headers;
        return site.equals(Urls.hostAndPort(plan.startUrl())) ? h : SiteHeaders.NONE;
    }

    /**
     * The start URL of a crawl of this plan answered 401: asks for a user name and password
     * (saying so when the ones given before were refused).
     *
     * @param goLabel the dialog's sign-in button, saying what follows ("Sign in and crawl")
     * @return whether one was given, to crawl again with it
     */
    boolean ask(CrawlPlan plan, String goLabel) {
        String host = Urls.hostAndPort(plan.startUrl());
        boolean refused = !signInFor(plan).isEmpty();
        Optional<DialogService.SignIn> typed = dialogs.askSignIn(host, refused ? user : null,
                goLabel);
        if (typed.isEmpty()) {
            return false;
        }
        try {
            headers = SiteHeaders.of(List.of(Header.basicSignIn(typed.get().user(),
                    typed.get().password())));
        } catch (IllegalArgumentException e) {
            dialogs.showError("Cannot sign in", e.getMessage());
            return false;
        }
        site = host;
        user = typed.get().user();
        return true;
    }
}
