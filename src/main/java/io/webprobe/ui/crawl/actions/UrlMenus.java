package io.webprobe.ui.crawl.actions;

import io.webprobe.crawl.HrefCheck;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The right-click menu of a table of URLs, over {@link UrlActions}. FX thread only. */
public final class UrlMenus {
    private UrlMenus() {}

    /**
     * The menu.
     *
     * @param details shows the first selected URL in the details pane, or null for none
     */
    public static ContextMenu menu(UrlActions actions, UrlSelection s, Runnable details) {
        // what is requested goes to the URL rows only: a Broken links row may be an href that
        // is no URL (mailto:info.example.com, file:///C:/x.html), which has no path to leave
        // out, nothing to re-check and nothing to ping
        UrlSelection urls = s.urlRows();
        UrlSelection openable = s.openableRows();
        MenuItem open = item("menuOpenInBrowser", "Open in browser",
                () -> actions.openInBrowser(openable));
        MenuItem copy = item("menuCopyUrl", "Copy URL", () -> actions.copyUrls(s));
        MenuItem row = item("menuCopyRow", "Copy row", () -> actions.copyRows(s));
        MenuItem inlinks = item("menuCopyInlinks", "Copy all inlinks",
                () -> actions.copyInlinks(s));
        MenuItem recheck = item("menuRecheck", "Re-check", () -> actions.recheck(urls));
        MenuItem exclude = item("menuExclude", "Exclude this path from the crawl",
                () -> actions.excludePath(urls));
        MenuItem ping = item("menuPing", "Ping URL", () -> actions.ping(urls));
        ContextMenu menu = new ContextMenu(open, copy, row, inlinks, new SeparatorMenuItem(),
                recheck, exclude, ping);
        if (details != null) {
            menu.getItems().add(0, item("menuDetails", "Show details", details));
        }
        menu.setOnShowing(e -> {
            int n = s.countNow(); // "Copy URL" for 30,022 selected rows read as one
            copy.setText(n > 1 ? String.format(Locale.ROOT, "Copy %,d URLs", n) : "Copy URL");
            row.setText(n > 1 ? String.format(Locale.ROOT, "Copy %,d rows", n) : "Copy row");
            int u = urls.countNow(); // of a mixed selection, its URL rows
            boolean noUrl = n > 0 && u == 0;
            recheck.setText(u > 1 ? String.format(Locale.ROOT, "Re-check %,d URLs", u)
                    : "Re-check");
            // as the others count; "Ping these" for one row read as several
            ping.setText(u > 1 ? String.format(Locale.ROOT, "Ping %,d URLs", u) : "Ping URL");
            recheck.setDisable(noUrl);
            ping.setDisable(noUrl);
            Optional<PathExclusion> ex = PathExclusion.of(urls.firstUrlNow());
            exclude.setText(ex.map(p -> "Exclude " + p.path() + " from the crawl")
                    .orElse("Exclude this path from the crawl"));
            exclude.setDisable(noUrl || ex.isEmpty() && !urls.firstUrlNow().isEmpty());
            open.setText(HrefCheck.isMailto(openable.firstUrlNow()) ? "Open in mail program"
                    : "Open in browser");
            open.setDisable(n > 0 && openable.countNow() == 0);
        });
        return menu;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }
}
