package io.webprobe.ui.common;

import javafx.scene.control.Labeled;

/**
 * A table cell's text whole when it fits its column, else a shorter form of it, never cut while
 * that one fits: the Crawl table's Status reads "Connection refused", or "Refused" at the
 * window's least width, where the column gives way to the reasons beside it ("Conne…" before).
 * The caller puts the whole text in the tooltip. The text is chosen as the cell gets its text
 * or its width, as {@link UrlEnds} does. FX thread only, as the cell is.
 */
public final class ShortForm {
    private final Labeled cell;
    /** The text whole, or null. */
    private String whole;
    /** Its shorter form, or null for none. */
    private String brief;

    /** Fits {@code cell}'s text to its width from now on. */
    public ShortForm(Labeled cell) {
        this.cell = cell;
        cell.widthProperty().addListener(o -> fit());
    }

    /**
     * Shows {@code shown} (null for none), or {@code shorter} when {@code shown} is too wide
     * and {@code shorter} is another text.
     */
    public void show(String shown, String shorter) {
        whole = shown;
        brief = shorter == null || shorter.equals(shown) ? null : shorter;
        cell.setText(shown);
        fit();
    }

    private void fit() {
        if (whole == null || brief == null) {
            return;
        }
        double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
        String wanted = room <= 0 || CellWidths.textWidth(cell.getFont(), whole) <= room - 1
                ? whole : brief;
        if (!wanted.equals(cell.getText())) {
            cell.setText(wanted);
        }
    }
}
