package io.webprobe.ui.crawl;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.HrefCheck;
import io.webprobe.store.UrlDetails;
import io.webprobe.ui.common.KeyboardMenus;
import io.webprobe.ui.crawl.actions.TableSelection;
import io.webprobe.ui.crawl.actions.UrlActions;
import io.webprobe.ui.crawl.actions.UrlMenus;
import io.webprobe.ui.crawl.actions.UrlSelection;
import io.webprobe.ui.crawl.broken.BrokenLinksView;
import io.webprobe.ui.crawl.details.DetailsView;
import io.webprobe.ui.crawl.table.UrlTableView;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The menus of the Crawl tab's tables (the URLs, the broken links, a URL's inlinks and
 * outlinks), opened by a right-click or from the keyboard, and Ctrl+C copying the URLs
 * selected in them.
 */
final class CrawlMenus {
    private static final KeyCombination COPY = io.webprobe.ui.common.Shortcuts.COPY;

    private CrawlMenus() {}

    /** {@code openDetails}: the URL table's Open details (double-click and Enter do it too). */
    static void install(CrawlViewModel vm, UrlActions a, UrlTableView table,
            BrokenLinksView broken, DetailsView details, Runnable openDetails) {
        UrlSelection urls = new UrlTableSelection(vm, table);
        table.table().setContextMenu(UrlMenus.menu(a, urls, openDetails));
        // a row that is no URL (a malformed address, a file: link) is not re-checked,
        // left out or pinged; of them only a mailto: link opens (in the mail program)
        broken.table().setContextMenu(UrlMenus.menu(a, new TableSelection<>(broken.table(),
                BrokenLink::linkUrl, null, vm).withUrlRows(l -> !l.notAUrl(),
                BrokenLink::opensInBrowser), null));
        details.setInlinksMenu(UrlMenus.menu(a, new TableSelection<>(details.inlinksTable(),
                UrlDetails.Inlink::sourceUrl, UrlDetails.Inlink::sourceId, vm), null));
        // as on the Broken links tab: an href that is no URL has no target id
        details.setOutlinksMenu(UrlMenus.menu(a, new TableSelection<>(details.outlinksTable(),
                UrlDetails.Outlink::url, UrlDetails.Outlink::targetId, vm).withUrlRows(
                        o -> o.targetId() != 0,
                        o -> o.targetId() != 0 || HrefCheck.isMailto(o.url())), null));
        for (TableView<?> t : List.of(table.table(), broken.table(),
                details.inlinksTable(), details.outlinksTable())) {
            KeyboardMenus.install(t);
        }
        copyOnShortcut(a, table.table(), urls);
        copyOnShortcut(a, broken.table(), new TableSelection<>(broken.table(),
                BrokenLink::linkUrl, null, vm));
        copyOnShortcut(a, details.inlinksTable(), new TableSelection<>(details.inlinksTable(),
                UrlDetails.Inlink::sourceUrl, UrlDetails.Inlink::sourceId, vm));
    }

    private static void copyOnShortcut(UrlActions a, TableView<?> t, UrlSelection s) {
        t.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                a.copyUrls(s);
                e.consume();
            }
        });
    }
}
