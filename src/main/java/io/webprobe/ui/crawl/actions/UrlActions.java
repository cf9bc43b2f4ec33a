package io.webprobe.ui.crawl.actions;

import io.webprobe.Words;
import io.webprobe.ui.common.ClipboardService;
import io.webprobe.ui.crawl.CrawlViewModel;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the right-click menus and Ctrl+C do with selected URLs: open in the browser, copy (URLs,
 * rows, every inlink), re-check, leave a path out of the crawl, ping. FX thread only.
 */
public final class UrlActions {
    private final CrawlViewModel vm;
    private final ClipboardService clipboard;
    private final Consumer<String> browser;
    private Consumer<List<String>> pingThese = urls -> { };

    /**
     * @param browser opens a URL in the user's browser (the app's {@code HostServices})
     */
    public UrlActions(CrawlViewModel vm, ClipboardService clipboard, Consumer<String> browser) {
        this.vm = vm;
        this.clipboard = clipboard;
        this.browser = browser;
    }

    /** What "Ping these" does (the main window sends the URLs to the Ping tab). */
    public void setOnPingThese(Consumer<List<String>> action) {
        this.pingThese = action;
    }

    public void openInBrowser(UrlSelection s) {
        s.urls(urls -> {
            if (!urls.isEmpty()) {
                browser.accept(urls.get(0));
            }
        });
    }

    /** Copies the selected URLs, one per line. */
    public void copyUrls(UrlSelection s) {
        s.urls(urls -> {
            if (!urls.isEmpty()) {
                clipboard.putText(String.join("\n", urls));
                vm.say(urls.size() == 1 ? "Copied " + urls.get(0) + "."
                        : String.format(Locale.ROOT, "Copied %,d URLs.", urls.size()));
            }
        });
    }

    public void copyRows(UrlSelection s) {
        s.rowsText(text -> {
            if (!text.isEmpty()) {
                clipboard.putText(text);
                vm.say("Copied the selected rows.");
            }
        });
    }

    /** Copies every page linking to the first selected URL, one per line. */
    public void copyInlinks(UrlSelection s) {
        s.ids(ids -> {
            if (ids.length == 0 || ids[0] == 0) {
                return;
            }
            vm.inlinksOf(ids[0], urls -> {
                clipboard.putText(String.join("\n", urls));
                vm.say("Copied " + Words.count(urls.size(), "inlink") + ".");
            });
        });
    }

    public void recheck(UrlSelection s) {
        s.ids(ids -> vm.recheck(java.util.Arrays.stream(ids).filter(id -> id != 0).toArray()));
    }

    public void excludePath(UrlSelection s) {
        s.urls(urls -> {
            if (!urls.isEmpty() && vm.excludePath(urls.get(0)).isEmpty()) {
                vm.say("The site's start page cannot be left out.");
            }
        });
    }

    public void ping(UrlSelection s) {
        s.urls(urls -> {
            if (!urls.isEmpty()) {
                pingThese.accept(urls);
            }
        });
    }
}
