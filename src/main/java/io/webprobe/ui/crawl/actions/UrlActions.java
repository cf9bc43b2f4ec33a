package io.webprobe.ui.crawl.actions;

import io.webprobe.Words;
import io.webprobe.crawl.HrefCheck;
import io.webprobe.ui.common.BrowserOpener;
import io.webprobe.ui.common.ClipboardService;
import io.webprobe.ui.crawl.CrawlViewModel;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the right-click menus and Ctrl+C do with selected URLs: open in the browser, copy (URLs,
 * rows, every inlink), re-check, leave a path out of the crawl, ping. FX thread only.
 */
public final class UrlActions {
    private static final Logger log = LoggerFactory.getLogger(UrlActions.class);
    private final CrawlViewModel vm;
    private final ClipboardService clipboard;
    private final BrowserOpener browser;
    private final Executor background;
    private final Executor fx;
    private Consumer<List<String>> pingThese = urls -> { };

    /**
     * @param browser opens a URL in the user's browser, saying whether it could
     * @param background where the browser is asked (it may take seconds to answer)
     * @param fx the FX thread
     */
    public UrlActions(CrawlViewModel vm, ClipboardService clipboard, BrowserOpener browser,
            Executor background, Executor fx) {
        this.vm = vm;
        this.clipboard = clipboard;
        this.browser = browser;
        this.background = background;
        this.fx = fx;
    }

    /** What "Ping these" does (the main window sends the URLs to the Ping tab). */
    public void setOnPingThese(Consumer<List<String>> action) {
        this.pingThese = action;
    }

    /**
     * Opens the first selected URL in the browser (a mailto: link in the mail program); when
     * none can be opened, the URL goes to the clipboard and the status bar says so in a
     * sentence.
     */
    public void openInBrowser(UrlSelection s) {
        s.urls(urls -> {
            if (urls.isEmpty()) {
                return;
            }
            String url = urls.get(0);
            background.execute(() -> {
                boolean opened;
                try {
                    opened = browser.open(url);
                } catch (RuntimeException e) {
                    log.warn("Opening {} in a browser failed", url, e);
                    opened = false;
                }
                if (!opened) {
                    fx.execute(() -> {
                        clipboard.putText(url);
                        vm.say("No " + (HrefCheck.isMailto(url) ? "mail program" : "web browser")
                                + " could be opened for " + url + "; the address was copied "
                                + "to the clipboard.");
                    });
                }
            });
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
                long rows = text.lines().count() - 1; // below the header
                vm.say("Copied " + Words.count(rows, "row") + ".");
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
                if (urls.isEmpty()) { // "Copied 0 inlinks.", the clipboard emptied
                    vm.say("No crawled page links to this URL: nothing was copied.");
                    return;
                }
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
