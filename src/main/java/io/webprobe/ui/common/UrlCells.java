package io.webprobe.ui.common;

import io.webprobe.http.UrlSyntax;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * Table columns of URLs, shown alike in the details pane, the Broken links tab and the Compare
 * tab. FX thread only.
 */
public final class UrlCells {
    private UrlCells() {}

    /**
     * Makes {@code c} a column of URLs shown as an address bar shows them ({@code /café/}, not
     * {@code /caf%C3%A9/}), cut short in the middle (the page's name at the end stays), the
     * whole URL in the tooltip; its cells' data (a copy) stays the URL itself.
     */
    public static <S> TableColumn<S, String> column(TableColumn<S, String> c) {
        return column(c, row -> null);
    }

    /**
     * As {@link #column(TableColumn)}, but a URL on the site of its row's {@code page} (a page
     * of the crawled site: the one holding the link, null for none) is cut by its path's end
     * ("…/section-0/page-0.html"), as the Crawl tab's URL table cuts the site's URLs: their
     * scheme and host read the same on every row. Other sites' URLs are cut in the middle,
     * keeping their host.
     */
    public static <S> TableColumn<S, String> column(TableColumn<S, String> c,
            Function<S, String> page) {
        c.setCellFactory(x -> new TableCell<>() {
            private final LazyTip tip = LazyTip.plain();
            private final UrlEnds ends = new UrlEnds(this);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                String shown = empty || item == null || item.isEmpty() ? null
                        : UrlSyntax.forPeople(item);
                ends.show(shown, shown != null && onPageSite(item, page));
                setTooltip(shown == null ? null : tip.saying(shown));
            }

            /** Whether {@code url} is on the site of its row's page. */
            private boolean onPageSite(String url, Function<S, String> page) {
                List<S> items = getTableView() == null ? List.of() : getTableView().getItems();
                int i = getIndex();
                S row = i < 0 || i >= items.size() ? null : items.get(i);
                String site = row == null ? null : SiteUrls.siteOf(page.apply(row));
                return site != null && Objects.equals(site, SiteUrls.siteOf(url));
            }
        });
        return c;
    }
}
