package io.webprobe.ui.crawl.overview;

import io.webprobe.store.UrlFilter;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the overview: a filter, the group it is listed under, and its live count. */
public final class OverviewEntry {
    private final UrlFilter filter;
    private final String group;
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(this, "count");
    /** The count as shown: "1,234", or "…" while it is being worked out. */
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "0");
    /** What a count not known yet reads (a crawl of 30,000 URLs takes seconds to count). */
    public static final String UNKNOWN = "…";

    OverviewEntry(UrlFilter filter, String group) {
        this.filter = filter;
        this.group = group;
    }

    public UrlFilter filter() {
        return filter;
    }

    /** "URLs", "Type", "Status" or "Issues". */
    public String group() {
        return group;
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The count as shown: its number, or {@link #UNKNOWN} until it has been read. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    void setCount(long n) {
        count.set(n);
        text.set(String.format(java.util.Locale.ROOT, "%,d", n));
    }

    /** Not known (yet): 0 as a number, "…" as text, not "0". */
    void setUnknown() {
        count.set(0);
        text.set(UNKNOWN);
    }
}
