package io.webprobe.ui.crawl.actions;

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
        MenuItem open = item("menuOpenInBrowser", "Open in browser", () -> actions.openInBrowser(s));
        MenuItem copy = item("menuCopyUrl", "Copy URL", () -> actions.copyUrls(s));
        MenuItem row = item("menuCopyRow", "Copy row", () -> actions.copyRows(s));
        MenuItem inlinks = item("menuCopyInlinks", "Copy all inlinks",
                () -> actions.copyInlinks(s));
        MenuItem recheck = item("menuRecheck", "Re-check", () -> actions.recheck(s));
        MenuItem exclude = item("menuExclude", "Exclude this path from the crawl",
                () -> actions.excludePath(s));
        MenuItem ping = item("menuPing", "Ping URL", () -> actions.ping(s));
        ContextMenu menu = new ContextMenu(open, copy, row, inlinks, new SeparatorMenuItem(),
                recheck, exclude, ping);
        if (details != null) {
            menu.getItems().add(0, item("menuDetails", "Show details", details));
        }
        menu.setOnShowing(e -> {
            int n = s.countNow(); // "Copy URL" for 30,022 selected rows read as one
            copy.setText(n > 1 ? String.format(Locale.ROOT, "Copy %,d URLs", n) : "Copy URL");
            row.setText(n > 1 ? String.format(Locale.ROOT, "Copy %,d rows", n) : "Copy row");
            recheck.setText(n > 1 ? String.format(Locale.ROOT, "Re-check %,d URLs", n)
                    : "Re-check");
            // as the others count; "Ping these" for one row read as several
            ping.setText(n > 1 ? String.format(Locale.ROOT, "Ping %,d URLs", n) : "Ping URL");
            Optional<PathExclusion> ex = PathExclusion.of(s.firstUrlNow());
            exclude.setText(ex.map(p -> "Exclude " + p.path() + " from the crawl")
                    .orElse("Exclude this path from the crawl"));
            exclude.setDisable(ex.isEmpty() && !s.firstUrlNow().isEmpty());
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
