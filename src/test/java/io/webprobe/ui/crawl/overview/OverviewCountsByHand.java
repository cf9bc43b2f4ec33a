package io.webprobe.ui.crawl.overview;

/** Sets the overview's counts by hand, for a test of how they show (FX thread). */
public final class OverviewCountsByHand {
    private OverviewCountsByHand() {}

    /** Every entry of {@code model} counts {@code n}. */
    public static void setAll(OverviewModel model, long n) {
        for (OverviewEntry e : model.entries()) {
            e.setCount(n);
        }
    }
}
