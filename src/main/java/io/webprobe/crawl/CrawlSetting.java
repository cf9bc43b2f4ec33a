package io.webprobe.crawl;

/**
 * The crawl settings a sentence points the user to (compare's notes), named once for both
 * places they are set: by the Crawl settings' label in the window ("Check anchors
 * (#fragments)", the Crawl tab's own controls show these labels) and by the option on the
 * command line ("--check-anchors"). The numbers' settings are named by {@link CrawlLimit}.
 */
public enum CrawlSetting {
    INCLUDE("Include URLs matching", "--include"),
    EXCLUDE("Exclude URLs matching", "--exclude"),
    /**
     * On by default; its option turns it off: a sentence naming the option says which crawl
     * was given it ("--no-external given to the newer crawl only"), never that a crawl
     * "checked" with it. Compare names the difference in words ("other sites' links checked
     * in the older crawl only") or by the label ("Check external links ticked in…").
     */
    CHECK_EXTERNAL("Check external links", "--no-external"),
    SUBDOMAINS("Crawl all subdomains", "--subdomains"),
    FOLLOW_NOFOLLOW("Follow links on nofollow pages", "--follow-nofollow"),
    CHECK_ANCHORS("Check anchors (#fragments)", "--check-anchors"),
    ACCEPT("Accept statuses", "--accept");

    private final String label;
    private final String option;

    CrawlSetting(String label, String option) {
        this.label = label;
        this.option = option;
    }

    /** The label of its control in the Crawl tab's settings. */
    public String label() {
        return label;
    }

    /**
     * Where the reader sets it: "Crawl settings › Check anchors (#fragments)" in the window,
     * "--check-anchors" on the command line.
     */
    public String where(CrawlLimit.Naming naming) {
        return naming == CrawlLimit.Naming.LABEL ? "Crawl settings › " + label : option;
    }
}
