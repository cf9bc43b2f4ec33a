package io.webprobe.ui.crawl;

import io.webprobe.Words;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.UrlSyntax;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.listcheck.ListInputModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the user asks the Crawl tab to crawl: a start URL (with the last ones used) or a list
 * of URLs, and the settings; remembered between runs of the app, and read into a
 * {@link CrawlPlan} when a crawl starts, with bad input named where the user typed it.
 *
 * <p>FX thread only.
 */
final class CrawlInput {
    static final String RECENT_URLS = "crawl.recentUrls";
    static final int RECENT_URL_LIMIT = 20;
    private static final String MODE = "crawl.mode";

    /**
     * A plan read from the input, the words the status line starts with, and the settings it
     * was read from (the user's once a crawl starts with them: {@link #adoptShownSettings}).
     */
    record Planned(CrawlPlan plan, String what, CrawlSettings settings) {}

    private final UiState memory;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper(this, "urlError", "");
    private final ObservableList<String> recentUrls = FXCollections.observableArrayList();
    private final ObjectProperty<CrawlMode> mode =
            new SimpleObjectProperty<>(this, "mode", CrawlMode.SPIDER);
    private final ListInputModel list;
    private final CrawlSettingsForm settings = new CrawlSettingsForm();
    private final ReadOnlyBooleanWrapper crawlSettingsShown =
            new ReadOnlyBooleanWrapper(this, "crawlSettingsShown");
    /**
     * The request headers each crawl started in this window was started with, by its file
     * ({@link #fileKey}): a crawl file keeps the values of those that may hold a password by
     * name only (ADR 0031), so its resumes and re-checks here send these, and its settings
     * shown show them. Per file, not per site: an older crawl of the same site shows and
     * sends none of a newer one's. Memory only; read by the threads that make jobs too.
     */
    private final Map<Path, SiteHeaders> startedWith = new ConcurrentHashMap<>();
    /**
     * The user's header lines that may hold a password, not written with the settings
     * ({@link SettingsMemory}): kept for this window's life, to show again with theirs.
     */
    private List<String> secretHeaders = List.of();

    /**
     * @param background where the list's files are read
     * @param fx the FX thread
     */
    CrawlInput(UiState memory, Executor background, Executor fx) {
        this.memory = memory;
        this.list = new ListInputModel(background, fx);
        url.addListener((o, was, now) -> urlError.set(""));
        List<String> remembered = memory.getStrings(RECENT_URLS);
        recentUrls.setAll(normalised(remembered));
        if (!recentUrls.equals(remembered)) {
            memory.putStrings(RECENT_URLS, List.copyOf(recentUrls));
        }
        SettingsMemory.load(memory).ifPresent(settings::load);
        // remembered as they change, not only when a crawl starts: a crash or a kill must not
        // lose them; a crawl's own settings shown are not the user's and are not remembered,
        // edited or not, until a crawl starts with them
        settings.setOnValidEdit(s -> {
            if (!crawlSettingsShown.get()) {
                rememberOwn(s);
            }
        });
        mode.set(rememberedMode());
        mode.addListener((o, was, now) -> {
            if (!crawlSettingsShown.get()) { // a crawl's is not the user's, as its settings
                memory.putString(MODE, now.name());
            }
            urlError.set(""); // the field it speaks of is gone (a list has its own errors)
        });
        settings.forListProperty().bind(mode.isEqualTo(CrawlMode.LIST));
    }

    StringProperty url() {
        return url;
    }

    ReadOnlyStringProperty urlError() {
        return urlError.getReadOnlyProperty();
    }

    ObservableList<String> recentUrls() {
        return recentUrls;
    }

    ObjectProperty<CrawlMode> mode() {
        return mode;
    }

    ListInputModel list() {
        return list;
    }

    CrawlSettingsForm settings() {
        return settings;
    }

    /**
     * Reads the input into a plan: the URL in the field (or, in list mode, the list) with the
     * settings. On bad input sets the URL's error, the settings' error or the list's and
     * returns nothing. A plan read is remembered: its start URL among the recent ones, and its
     * settings when they are the user's (a crawl's shown become theirs only once a crawl has
     * started with them: {@link #adoptShownSettings}).
     */
    Optional<Planned> plan(String userAgent) {
        CrawlPlan plan;
        URI start = null;
        CrawlSettings chosen;
        io.webprobe.ping.TargetList listed = null;
        if (mode.get() == CrawlMode.LIST) {
            Optional<io.webprobe.ping.TargetList> urls = list.urls();
            Optional<CrawlSettings> read = urls.isPresent() ? settings.read() : Optional.empty();
            if (urls.isEmpty() || read.isEmpty()) {
                return Optional.empty();
            }
            chosen = read.get();
            listed = urls.get();
            plan = chosen.toPlan(urls.get().urls().get(0), userAgent).toBuilder()
                    .list(urls.get().urls()).requestTargets(urls.get().requestTargets()).build();
        } else {
            try {
                start = UrlSyntax.parseUserUrl(url.get());
            } catch (UrlSyntax.InvalidUrlException e) {
                urlError.set(e.getMessage());
                return Optional.empty();
            }
            Optional<CrawlSettings> read = settings.read();
            if (read.isEmpty()) {
                return Optional.empty();
            }
            chosen = read.get();
            plan = chosen.toPlan(start, userAgent).toBuilder().typedAs(url.get()).build();
        }
        urlError.set("");
        if (!crawlSettingsShown.get()) {
            rememberOwn(chosen);
        }
        if (start != null) {
            // as the crawl starts it, so "127.0.0.1:8081" and "http://127.0.0.1:8081/" are one
            // entry; the field keeps what was typed
            remember(plan.requestUrl(plan.startUrl()));
        }
        return Optional.of(new Planned(plan, plan.isList()
                ? "Checking " + Words.count(plan.list().size(), "URL") + listNotes(listed, chosen)
                : "Starting " + plan.requestUrl(start), chosen));
    }

    /**
     * What a list check says after its count as it starts: the repeats left out, and that a
     * list reads no sitemaps when they were asked for ("Checking 12 URLs (2 duplicate URLs in
     * the list were left out; a list reads no sitemaps)"); "" when neither.
     */
    private static String listNotes(io.webprobe.ping.TargetList listed, CrawlSettings chosen) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        String repeats = io.webprobe.ui.listcheck.ListInputModel.duplicatesLeftOut(listed);
        if (!repeats.isEmpty()) {
            notes.add(repeats);
        }
        if (chosen.useSitemaps()) {
            notes.add("a list reads no sitemaps");
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    /**
     * Puts a start URL first in the recent ones. Replacing the list's items makes an editable
     * combo box whose value is among them clear its value, and with it the field's text (the
     * URL just started went blank and Start said "Enter an address"): the text is put back.
     */
    private void remember(String startUrl) {
        String typed = url.get();
        List<String> recent = memory.addRecent(RECENT_URLS, startUrl, RECENT_URL_LIMIT);
        if (!recent.equals(recentUrls)) {
            recentUrls.setAll(recent);
        }
        url.set(typed);
    }

    /**
     * Remembered start URLs as a crawl starts them, each once (older versions kept them as
     * typed: "127.0.0.1:8081" beside "http://127.0.0.1:8081/"); one that does not parse stays
     * as it is.
     */
    private static List<String> normalised(List<String> remembered) {
        java.util.LinkedHashSet<String> urls = new java.util.LinkedHashSet<>();
        for (String u : remembered) {
            try {
                urls.add(UrlSyntax.asRequested(u));
            } catch (UrlSyntax.InvalidUrlException e) {
                urls.add(u);
            }
        }
        return List.copyOf(urls);
    }

    /**
     * Whether the settings shown are the shown crawl's own (read from its file), not the
     * user's: edits to them are not remembered; a crawl started with them makes them the
     * user's ({@link #adoptShownSettings}).
     */
    ReadOnlyBooleanProperty crawlSettingsShown() {
        return crawlSettingsShown.getReadOnlyProperty();
    }

    /**
     * Shows the settings a crawl was made with instead of the user's, which stay remembered;
     * false (and the user's are shown) when its plan holds something the form cannot show.
     */
    boolean showCrawlSettings(CrawlPlan plan, Path file, String defaultUserAgent) {
        CrawlSettings own;
        try {
            own = CrawlSettings.of(plan.withSiteHeaders(plan.siteHeaders().plus(
                    startedWith(file))), defaultUserAgent);
        } catch (IllegalArgumentException e) {
            showOwnSettings(); // not another crawl's, shown before
            return false;
        }
        crawlSettingsShown.set(true);
        settings.load(own);
        return true;
    }

    /**
     * Shows the user's own settings again, as remembered, after a crawl's (no crawl is shown
     * any more: File › New crawl); edits to the crawl's not started with are dropped.
     */
    void showOwnSettings() {
        if (crawlSettingsShown.get()) {
            crawlSettingsShown.set(false);
            settings.load(ownSettings());
            mode.set(rememberedMode());
        }
    }

    /**
     * The request headers the crawl in this file was started with in this window, or none
     * (started elsewhere, or before the window opened). Any thread.
     */
    SiteHeaders startedWith(Path file) {
        return startedWith.getOrDefault(fileKey(file), SiteHeaders.NONE);
    }

    /** A crawl has started in this file with these request headers. */
    void startedWith(Path file, SiteHeaders headers) {
        if (headers.isEmpty()) {
            startedWith.remove(fileKey(file)); // a file name used again
        } else {
            startedWith.put(fileKey(file), headers);
        }
    }

    /** One key per file, however its path was written. */
    private static Path fileKey(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Remembers the user's settings; the header lines not written are kept for the session. */
    private void rememberOwn(CrawlSettings s) {
        SettingsMemory.save(memory, s);
        secretHeaders = SettingsMemory.secretLines(s.headers());
    }

    /** The user's settings as remembered, with the header lines kept for the session. */
    private CrawlSettings ownSettings() {
        CrawlSettings own = SettingsMemory.load(memory).orElse(CrawlSettings.DEFAULT);
        if (secretHeaders.isEmpty()) {
            return own;
        }
        List<String> all = new java.util.ArrayList<>(own.headers());
        all.addAll(secretHeaders);
        try {
            return own.withHeaders(all);
        } catch (IllegalArgumentException e) {
            return own;
        }
    }

    private CrawlMode rememberedMode() {
        return memory.getString(MODE, "SPIDER").equals("LIST") ? CrawlMode.LIST
                : CrawlMode.SPIDER;
    }

    /**
     * A new crawl has started with a crawl's settings, as shown and edited ({@code started},
     * read by {@link #plan}): they are the user's from now on, with its mode, remembered. Not
     * before it has started (ADR 0030): a start refused (the crawl file's name taken, a
     * certificate file unreadable) leaves the crawl's settings shown and the user's kept.
     */
    void adoptShownSettings(Planned started) {
        if (crawlSettingsShown.get()) {
            crawlSettingsShown.set(false);
            rememberOwn(started.settings());
            memory.putString(MODE, (started.plan().isList() ? CrawlMode.LIST
                    : CrawlMode.SPIDER).name());
        }
    }

    /**
     * Adds a regex to the exclude list of the next crawls: the form's (Start reads it), and,
     * while a crawl's settings are shown, the user's remembered ones too (shown after File ›
     * New crawl). The settings a resume is offered with are the crawl's as it ran, kept by
     * Resume: {@code keptForResume}, the form is left as it is.
     */
    void addExclude(String regex, boolean keptForResume) {
        if (!keptForResume) {
            StringProperty exclude = settings.excludeProperty();
            String now = exclude.get();
            if (!now.lines().toList().contains(regex)) {
                exclude.set(now.isBlank() ? regex : now.strip() + "\n" + regex);
            }
        }
        if (crawlSettingsShown.get()) {
            CrawlSettings own = SettingsMemory.load(memory).orElse(CrawlSettings.DEFAULT);
            SettingsMemory.save(memory, own.withExclude(regex));
        }
    }

    /**
     * Shows what an opened crawl crawled: its start URL, or its list (as the crawl asked for
     * each, one a line), each in its mode. The mode and the list only while the crawl's
     * settings are shown ({@link #showCrawlSettings}): with the user's (a plan the form cannot
     * show), the mode shown is the user's, remembered as it changes, and the list theirs.
     */
    void showPlan(CrawlPlan plan) {
        if (!crawlSettingsShown.get()) {
            if (!plan.isList()) {
                url.set(plan.requestUrl(plan.startUrl())); // which site, in the user's mode
            }
            return;
        }
        if (plan.isList()) {
            mode.set(CrawlMode.LIST);
            list.textProperty().set(String.join("\n",
                    plan.list().stream().map(plan::requestUrl).toList()));
        } else {
            mode.set(CrawlMode.SPIDER);
            url.set(plan.requestUrl(plan.startUrl()));
        }
    }
}
