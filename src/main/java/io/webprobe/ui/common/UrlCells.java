package io.webprobe.ui.common;

import io.webprobe.http.UrlSyntax;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Table columns of URLs, shown alike in the details pane and the Compare tab. FX thread only. */
public final class UrlCells {
    private UrlCells() {}

    /**
     * Makes {@code c} a column of URLs shown as an address bar shows them ({@code /café/}, not
     * {@code /caf%C3%A9/}), cut short in the middle (the page's name at the end stays), the
     * whole URL in the tooltip; its cells' data (a copy) stays the URL itself.
     */
    public static <S> TableColumn<S, String> column(TableColumn<S, String> c) {
        c.setCellFactory(x -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                String shown = empty || item == null || item.isEmpty() ? null
                        : UrlSyntax.forPeople(item);
                setText(shown);
                tip.setText(shown);
                setTooltip(shown == null ? null : tip);
            }
        });
        return c;
    }
}
