package io.webprobe.ui.crawl.overview;

import io.webprobe.store.UrlFilter;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** One line of the overview: a filter, the group it is listed under, and its live count. */
public final class OverviewEntry {
    private final UrlFilter filter;
    private final String group;
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(this, "count");

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

    void setCount(long n) {
        count.set(n);
    }
}
