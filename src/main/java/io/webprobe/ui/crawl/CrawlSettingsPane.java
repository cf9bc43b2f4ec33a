package io.webprobe.ui.crawl;

import io.webprobe.Version;
import io.webprobe.crawl.CrawlLimit;
import io.webprobe.crawl.CrawlSetting;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.Tips;
import io.webprobe.ui.crawl.CrawlSettingsForm.Field;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Crawl tab's collapsible "Settings" section: scope, trap guards, robots and links,
 * politeness, side by side. Collapsed it names what differs from the defaults. Its controls are
 * disabled while a crawl runs; a bad value is outlined and focused. Binds to a {@link
 * CrawlSettingsForm} only.
 */
final class CrawlSettingsPane {
    /** Between the groups; no wider, or the four no longer fit side by side at 1200 px. */
    private static final double GAP = 20;
    private static final double MIN_SCOPE_WIDTH = 330;
    /**
     * The height the open settings leave below them at least, besides the lines there that
     * come and go: the workspace's least height (the table's eight rows), the status bar and
     * the gaps between (measured: 352 px).
     */
    private static final double BELOW = 352;
    private final CrawlSettingsForm form;
    private final DialogService dialogs;
    private final TitledPane pane = new TitledPane();
    private final Map<Field, Control> controls = new EnumMap<>(Field.class);
    /** The Politeness group's parts that are locked with the settings (not its toggle). */
    private final java.util.List<Node> politenessControls = new java.util.ArrayList<>();
    /** Shows the Requests group (hidden at first: see {@link #politeness()}). */
    private final ToggleButton requestsShown = new ToggleButton("Requests…");
    /** A text field whose height the check box rows copy. */
    private Control rowHeight;

    /**
     * @param locked whether the settings cannot be edited (a crawl runs, or a resume is offered
     *     with them)
     * @param crawlsOwn whether the settings shown are the shown crawl's own, not the user's
     *     (the title says so, and the offer to resume what that means while the settings are
     *     open)
     * @param running whether a crawl runs (the resumed one, while they are its own)
     * @param below the height the lines under the settings that come and go take while they
     *     show (the settings' error, the progress bar, the offers above the workspace): the
     *     open settings leave it to them
     */
    CrawlSettingsPane(CrawlSettingsForm form, ObservableBooleanValue locked,
            ReadOnlyBooleanProperty crawlsOwn, ObservableBooleanValue running,
            ObservableDoubleValue below, DialogService dialogs) {
        this.form = form;
        this.dialogs = dialogs;
        pane.setId("crawlSettings");
        pane.setExpanded(false);
        // no slide: the table below would resize for a third of a second on every click
        pane.setAnimated(false);
        // what a note over the fields said, a line (34 px) that made the open settings scroll
        // in a window of the default size
        // (locked and not running: a resume is offered). Short: the title's width is the
        // pane's least, and with the changes after it a longer one (what Start does with them)
        // made the tab wider than a window of the default size, its right side cut off
        StringExpression title = Bindings.when(crawlsOwn)
                .then(Bindings.when(running)
                        .then("Settings of this crawl (it runs with them)")
                        .otherwise(Bindings.when(locked)
                                .then("Settings of this crawl (kept when it resumes)")
                                // reset, they are the defaults, no longer the crawl's
                                .otherwise(Bindings.when(form.resetProperty())
                                        .then("Settings reset to defaults (yours: File › New "
                                                + "crawl)")
                                        .otherwise("Settings of this crawl (yours: File › "
                                                + "New crawl)"))))
                .otherwise("Settings");
        pane.textProperty().bind(Bindings.when(form.changesProperty().isEmpty())
                .then(title)
                .otherwise(Bindings.concat(title, ": ", form.changesProperty())));

        Region scope = scope();
        Region trapGuards = trapGuards();
        Region robotsAndLinks = robotsAndLinks();
        Region politeness = politeness();
        Region requests = requests(); // after the trap guards: it takes their row height
        Region[] others = {trapGuards, robotsAndLinks, politeness, requests};
        // A FlowPane is as narrow as its widest child's preferred width; the scope group's
        // follows the pane's own width, so the pane could never get narrower than it once was
        // (at its first layout, before the groups had their sizes, about the window's width):
        // the whole tab stayed wider than a window made smaller, its right side cut off. Its
        // least width is its widest child's least width instead.
        FlowPane content = new FlowPane(GAP, 12, scope) {
            @Override
            protected double computeMinWidth(double height) {
                double widest = 0;
                for (Node n : getManagedChildren()) {
                    widest = Math.max(widest, n.minWidth(-1));
                }
                return snappedLeftInset() + snapSizeX(widest) + snappedRightInset();
            }
        };
        // Asked for its height without a width (as the scroll pane asks), a FlowPane wraps at
        // prefWrapLength (400 px): the four groups on four lines, ~150 px of empty settings
        // below the fields of a wide window. It wraps at the width it has instead.
        // (the width it lays its lines out in: inside its padding)
        content.prefWrapLengthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, content.getWidth() - content.getInsets().getLeft()
                        - content.getInsets().getRight()),
                content.widthProperty(), content.insetsProperty()));
        // The new wrap length reaches the flow pane while the scroll pane lays it out, when a
        // child's request for a new layout stops there: made wider with the settings open, the
        // window kept the height of their old lines, an empty band below the fields until they
        // were closed and opened again. Asked once more after that layout, they take it.
        content.widthProperty().addListener((o, was, now) ->
                Platform.runLater(content::requestLayout));
        scope.setMinWidth(MIN_SCOPE_WIDTH);
        content.getChildren().addAll(trapGuards, robotsAndLinks, politeness);
        // in the flow only while shown: a group hidden in it still counted in its lines' height
        requestsShown.selectedProperty().addListener((o, was, shown) -> {
            if (shown) {
                content.getChildren().add(requests);
            } else {
                content.getChildren().remove(requests);
            }
        });
        content.setPadding(new Insets(6, 10, 8, 10));
        // The regex boxes take the width the other groups leave; labels and numbers keep
        // theirs. In a narrow window the groups wrap onto a second line instead of clipping.
        scope.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double rest = content.getWidth() - content.getInsets().getLeft()
                    - content.getInsets().getRight() - 1;
            for (Region r : others) {
                // the Requests group only while it is shown
                rest -= content.getChildren().contains(r) ? r.prefWidth(-1) + GAP : 0;
            }
            return Math.max(MIN_SCOPE_WIDTH, rest);
        }, content.widthProperty(), others[0].widthProperty(), others[1].widthProperty(),
                others[2].widthProperty(), requests.widthProperty(), content.getChildren()));
        // every control but the Requests group's toggle, which shows locked values too
        for (Region r : new Region[] {scope, trapGuards, robotsAndLinks, requests}) {
            r.disableProperty().bind(locked);
        }
        politenessControls.forEach(n -> n.disableProperty().bind(locked));
        // In a short window the open settings scroll within at most 40 % of its height
        // instead of pushing the resume offer and the workspace out of view.
        ScrollPane scroll = new ScrollPane(new VBox(content));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        pane.sceneProperty().addListener((o, was, scene) -> {
            scroll.maxHeightProperty().unbind();
            if (scene != null) {
                // and leave the table room for eight rows (CrawlView.TABLE_MIN_HEIGHT) under
                // whatever lies above them (a list's box is 100 px taller than a URL's) and
                // the lines below them; the details pane gives way first. (With 520 px kept
                // below whatever lay above, 210 px in a window of the default size under a
                // title bar, the settings scrolled by a row; with a list's box or the Resume
                // offer shown the workspace was pushed down over the status bar.)
                scroll.maxHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.max(
                        100, Math.min(scene.getHeight() * 0.4, scene.getHeight()
                                // (read through the transform, or it is not watched again)
                                - scroll.getLocalToSceneTransform().getTy() - below.get()
                                - BELOW)),
                        scene.heightProperty(), scroll.localToSceneTransformProperty(), below));
            }
        });
        // That room follows where the settings lie, so it changes while the controls above the
        // workspace lay them out, when a request for a new layout stops short of that box: it
        // and the tab kept the heights they had measured with the old room as their least (at
        // 960×640 a room 18 px taller, the status bar pushed 13 px below the window). Asked
        // once more after that layout, they measure again.
        scroll.maxHeightProperty().addListener((o, was, now) ->
                Platform.runLater(pane::requestLayout));
        pane.setContent(scroll);
        // The scroll bar keeps its fraction when the group comes or goes, so the view moved
        // under the click: at 960x640, the settings scrolled down to the Requests… toggle,
        // the group appeared with its heading and its headers box above the view and the
        // toggle below it. The group shown comes into view (its top first), the toggle hidden
        // again stays in view.
        requestsShown.selectedProperty().addListener((o, was, shown) ->
                scrollIntoView(scroll, shown ? requests : requestsShown));

        form.errorFieldProperty().addListener((o, was, now) -> showError(was, now));
        // every bad field outlined as soon as it is bad, not only the one Start names next
        form.badFieldsProperty().addListener((o, was, now) -> markBad());
        markBad();
    }

    TitledPane root() {
        return pane;
    }

    private Region scope() {
        TextArea include = regexArea("crawlInclude", form.includeProperty(), "e.g. /blog/",
                "Crawl only URLs of the site matching one of these regular expressions "
                        + "(one a line; anywhere in the URL). Empty: every URL of the site.");
        TextArea exclude = regexArea("crawlExclude", form.excludeProperty(), "e.g. \\?sort=",
                "Neither crawl nor check URLs matching any of these regular expressions "
                        + "(one a line; anywhere in the URL). An href that is no URL is "
                        + "matched as written: ^mailto: or ^file: leaves out those broken "
                        + "links (counted with the URLs left out).");
        controls.put(Field.INCLUDE, include);
        controls.put(Field.EXCLUDE, exclude);
        TextField depth = number("crawlMaxDepth", Field.MAX_DEPTH, form.maxDepthProperty(),
                "no limit", "Follow links at most this many clicks from the start page "
                        + "(0: the start page only). Blank: no limit.");
        TextField pages = number("crawlMaxPages", Field.MAX_PAGES, form.maxPagesProperty(),
                "no limit", "Take at most this many URLs of the site, those robots.txt blocks "
                        + "included. Blank: no limit.");
        // a column narrower than the others' (a million, "1000000", still whole): at the
        // window's least width, 960 px, the scope group has its least width, 330 px, and the
        // row of Max depth and Max pages took 350, the Max pages box touching the trap guards'
        // labels beside it, no gap between the groups
        depth.setPrefColumnCount(5);
        pages.setPrefColumnCount(5);
        CheckBox external = check("crawlCheckExternal", CrawlSetting.CHECK_EXTERNAL.label(),
                form.checkExternalProperty(),
                "Check links to other hosts once (HEAD, then GET); they are never crawled");
        CheckBox subdomains = check("crawlSubdomains", CrawlSetting.SUBDOMAINS.label(),
                form.subdomainsProperty(),
                "Crawl every subdomain of the start domain (blog.example.com, shop.example.com"
                        + "…), not only the start host");

        GridPane grid = grid();
        ColumnConstraints fixed = new ColumnConstraints();
        ColumnConstraints growing = new ColumnConstraints();
        growing.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(fixed, growing, fixed, growing);
        // the labels compare's notes name (CrawlSetting, CrawlLimit): one spelling for both
        grid.add(label(CrawlSetting.INCLUDE.label()), 0, 0, 2, 1);
        grid.add(label(CrawlSetting.EXCLUDE.label()), 2, 0, 2, 1);
        grid.add(include, 0, 1, 2, 1);
        grid.add(exclude, 2, 1, 2, 1);
        grid.addRow(2, label(CrawlLimit.MAX_DEPTH.name(CrawlLimit.Naming.LABEL)), depth,
                label(CrawlLimit.MAX_PAGES.name(CrawlLimit.Naming.LABEL)), pages);
        grid.add(external, 0, 3, 2, 1);
        grid.add(subdomains, 2, 3, 2, 1);
        return group("Scope", grid);
    }

    private Region trapGuards() {
        GridPane grid = grid();
        rowHeight = number("crawlMaxUrlLength", Field.MAX_URL_LENGTH, form.maxUrlLengthProperty(),
                "", "Skip longer URLs (characters) as a likely crawler trap");
        grid.addRow(0, label("Max URL length"), rowHeight);
        grid.addRow(1, label("Max segment repeats"), number("crawlMaxSegmentRepeats",
                Field.MAX_SEGMENT_REPEATS, form.maxSegmentRepeatsProperty(), "",
                "Skip paths repeating one segment more often than this, like /a/b/a/b/a/b"));
        grid.addRow(2, label("Max query variants"), number("crawlMaxQueryVariants",
                Field.MAX_QUERY_VARIANTS, form.maxQueryVariantsProperty(), "",
                "Skip a path's query strings beyond this many, like an endless calendar"));
        // the certificates under the trap guards' three rows: under Robots & links (with the
        // anchors box and Accept statuses) they made that group nine rows tall, and the open
        // settings scrolled in a window of the default size
        GridPane certificates = grid();
        certificates.addColumn(0, certificateRow(), insecureBox());
        return new VBox(12, group("Trap guards", grid), group("Trust certificate", certificates));
    }

    private Region robotsAndLinks() {
        CheckBox robots = check("crawlRobots", "Obey robots.txt", form.respectRobotsProperty(),
                "URLs robots.txt disallows are listed as blocked, not fetched");
        CheckBox nofollow = check("crawlFollowNofollow", CrawlSetting.FOLLOW_NOFOLLOW.label(),
                form.followNofollowProperty(), "Follow the links of pages marked nofollow "
                        + "(meta robots or X-Robots-Tag); search engines do not");
        CheckBox sitemaps = check("crawlSitemaps", "Use sitemaps, report orphans",
                form.useSitemapsProperty(), "Also crawl the URLs the site's sitemaps list "
                        + "(robots.txt Sitemap lines, else /sitemap.xml) and list those no page "
                        + "links to. Not for a list, which checks its URLs only.");
        // a list check reads no sitemaps (CrawlPlan): the box cannot say otherwise then
        sitemaps.disableProperty().bind(form.forListProperty());
        CheckBox anchors = check("crawlCheckAnchors", CrawlSetting.CHECK_ANCHORS.label(),
                form.checkAnchorsProperty(), "Also check that each link's #fragment names an "
                        + "anchor (an id or a name) on the site's page it leads to; a missing "
                        + "one is listed under Broken links. Not for a list.");
        anchors.disableProperty().bind(form.forListProperty());
        TextField agent = text("crawlUserAgent", Field.USER_AGENT, form.userAgentProperty(),
                Version.userAgent(), "The User-Agent header sent with every request "
                        + "(printable ASCII, one line). Blank: " + Version.userAgent()
                        + ". robots.txt rules are still read for the agent 'webprobe'.");
        HBox agentRow = new HBox(8, label("User agent"), agent);
        agentRow.setAlignment(Pos.CENTER_LEFT);
        TextField accept = text("crawlAccept", Field.ACCEPT, form.acceptProperty(), "none",
                "Statuses counted as OK, not broken: codes and ranges separated by commas, "
                        + "e.g. 403 or 401,403,410 or 400-403, for a site that answers crawlers "
                        + "403. Their URLs keep their status. The command line's --accept. "
                        + "Blank: none.");
        HBox acceptRow = new HBox(8, label(CrawlSettings.ACCEPT_LABEL), accept);
        acceptRow.setAlignment(Pos.CENTER_LEFT);
        GridPane grid = grid();
        grid.addColumn(0, robots, nofollow, sitemaps, anchors, agentRow, acceptRow);
        for (CheckBox c : new CheckBox[] {robots, nofollow, sitemaps, anchors}) {
            // rows as tall as the text fields' beside them, so the columns line up
            c.minHeightProperty().bind(rowHeight.heightProperty());
        }
        return group("Robots & links", grid);
    }

    /**
     * --cacert: a PEM file trusted besides the usual authorities, typed or chosen, on one line
     * under the group's title, which names it as messages do ("Settings › Trust certificate"):
     * with a title line of its own under "Certificates" the trap guards' column was the
     * settings' tallest, and they scrolled in a window of the default size. (A label on the
     * line would leave the path 40 px.)
     */
    private HBox certificateRow() {
        TextField file = text("crawlCaCertFile", Field.CERTIFICATE_FILE,
                form.certificateFileProperty(), "none",
                "A PEM file of certificates to trust besides the usual authorities: a staging "
                        + "or intranet site's self-signed certificate, or its private "
                        + "authority's. Host names are still checked.");
        file.setPrefColumnCount(2); // as wide as the group leaves, no wider
        Button choose = new Button("Choose…");
        choose.setId("crawlCaCertChoose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setTooltip(Tips.wrapped("Choose a certificate file to trust"));
        choose.setOnAction(e -> dialogs.chooseCertificateFile("Certificate file to trust")
                .ifPresent(p -> form.certificateFileProperty().set(p.toString())));
        file.disableProperty().bind(form.insecureProperty());
        choose.disableProperty().bind(form.insecureProperty());
        HBox row = new HBox(8, file, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** --insecure. */
    private CheckBox insecureBox() {
        CheckBox box = check("crawlInsecure", "Skip certificate checks (insecure)",
                form.insecureProperty(), "Accept any certificate for any host name, as for a "
                        + "test server: nothing proves the site is the one named");
        box.minHeightProperty().bind(rowHeight.heightProperty());
        return box;
    }

    private Region politeness() {
        GridPane grid = grid();
        grid.addRow(0, label(CrawlLimit.MAX_PER_HOST.name(CrawlLimit.Naming.LABEL)),
                number("crawlMaxPerHost",
                Field.MAX_PER_HOST, form.maxPerHostProperty(), "no limit",
                "At most this many requests in flight to one host. Blank or 0: as many as "
                        + "there are threads."));
        grid.addRow(1, label("Max requests/s per host"), number("crawlMaxRps",
                Field.MAX_REQUESTS_PER_SECOND, form.maxRequestsPerSecondProperty(), "no limit",
                "Start at most this many requests per second to one host, e.g. 2 or 0.5: at "
                        + "least 1/R seconds between two starts. With a delay too, the longer "
                        + "gap applies. Blank: no limit."));
        grid.addRow(2, label("Delay per host (ms)"), number("crawlDelay", Field.DELAY,
                form.delayMillisProperty(), "", "Wait at least this long between the starts "
                        + "of two requests to one host (milliseconds)"));
        grid.addRow(3, label("Timeout (s)"), number("crawlTimeout", Field.TIMEOUT,
                form.timeoutSecondsProperty(), "",
                "Give up on a request after this many seconds (headers and body; decimals "
                        + "allowed, e.g. 2.5)"));
        grid.addRow(4, label("Max page size (MB)"), number("crawlMaxPageSize",
                Field.MAX_PAGE_SIZE, form.maxPageMegabytesProperty(), "",
                "Download at most this many megabytes of each page (decimals allowed, e.g. "
                        + "0.5). A longer page is cut there, shown as (cut) in the Size column, "
                        + "and only the part downloaded is searched for links."));
        // the Requests group shows on demand: the settings of a window of the default size
        // have room for four groups side by side and no more, and a fifth on a line of its
        // own made them scroll; the settings' title says when any of its values is set. (A
        // wider label, "Headers, cookies…", widened this group: the four wrapped at 1200 px)
        requestsShown.setId("crawlRequestsShown");
        requestsShown.setMinWidth(Region.USE_PREF_SIZE);
        requestsShown.setTooltip(Tips.wrapped("Show or hide the Requests settings: request "
                + "headers, cookies, private addresses, retries and waits (the command line's "
                + "-H, --no-cookies, --allow-private, --max-retries, --max-retry-after, "
                + "--max-crawl-delay)"));
        Button defaults = new Button("Reset all to defaults");
        defaults.setId("crawlSettingsDefaults");
        defaults.setMinWidth(Region.USE_PREF_SIZE);
        defaults.setTooltip(Tips.wrapped("Put every crawl setting (threads too) back to its "
                + "default"));
        defaults.setOnAction(e -> form.resetToDefaults());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox reset = new HBox(8, requestsShown, gap, defaults);
        reset.setAlignment(Pos.BOTTOM_RIGHT);
        VBox.setVgrow(reset, Priority.ALWAYS);
        politenessControls.add(grid);
        politenessControls.add(defaults);
        VBox box = group("Politeness", grid);
        box.getChildren().add(reset);
        return box;
    }

    /**
     * What each request sends and how long it waits, as the command line's -H, --no-cookies,
     * --allow-private, --max-retries, --max-retry-after and --max-crawl-delay set them (where
     * Screaming Frog has Configuration › HTTP Header and Spider › Advanced).
     */
    private Region requests() {
        TextArea headers = bound(io.webprobe.ui.common.TabKey.movesFocus(new TextArea()),
                "crawlHeaders", form.headersProperty(), "e.g. X-Token: abc",
                "Request headers for the site's own URLs, 'Name: value' a line (a session "
                        + "cookie, a token); never sent to other hosts. 'Name:' takes a header "
                        + "away. The command line's -H. Those that may hold a password "
                        + "(Authorization, Cookie, a key or token) are never written to disk: "
                        + "not remembered after the window closes, and their crawl file keeps "
                        + "their names only; the others are kept with the crawl.");
        headers.setPrefRowCount(2);
        headers.setPrefColumnCount(16);
        headers.setMinWidth(120);
        controls.put(Field.HEADERS, headers);
        CheckBox cookies = check("crawlCookies", "Keep cookies", form.cookiesProperty(),
                "Keep the cookies the site sets and send them back, as a browser does, so "
                        + "consent gates and session checks work. Off: the command line's "
                        + "--no-cookies.");
        CheckBox priv = check("crawlAllowPrivate", "Allow private addresses",
                form.allowPrivateProperty(), "Also request links to private, loopback and "
                        + "link-local addresses (192.168.x.x, 10.x.x.x, 127.x.x.x) from a public "
                        + "site; off, they are listed as blocked. A crawl that starts on such an "
                        + "address requests them anyway.");
        GridPane grid = grid();
        grid.addRow(0, label("Max retries"), number("crawlMaxRetries", Field.MAX_RETRIES,
                form.maxRetriesProperty(), "", "Ask again this often after a 429 or 503, 0 to "
                        + "10, waiting as Retry-After says (else 1 s, 2 s, 4 s…)"));
        grid.addRow(1, label("Max Retry-After (s)"), number("crawlMaxRetryAfter",
                Field.MAX_RETRY_AFTER, form.maxRetryAfterProperty(), "", "Wait at most this "
                        + "long for a Retry-After; a URL asking longer is listed as "
                        + "rate-limited (seconds)"));
        grid.addRow(2, label("Max Crawl-delay (s)"), number("crawlMaxCrawlDelay",
                Field.MAX_CRAWL_DELAY, form.maxCrawlDelayProperty(), "", "Honour a robots.txt "
                        + "Crawl-delay up to this, cutting a longer one to it; 0 ignores "
                        + "Crawl-delay (seconds)"));
        VBox box = new VBox(6, label("Request headers"), headers, cookies, priv, grid);
        for (CheckBox c : new CheckBox[] {cookies, priv}) {
            c.minHeightProperty().bind(rowHeight.heightProperty());
        }
        VBox group = group("Requests", box);
        group.setId("crawlRequests");
        return group;
    }

    /**
     * Scrolls {@code scroll} as little as brings {@code node} (inside it) into its view, the
     * node's top when it is taller than the view; laid out first, so a node just added counts.
     */
    private static void scrollIntoView(ScrollPane scroll, Node node) {
        if (scroll.getScene() == null) {
            return;
        }
        scroll.getScene().getRoot().applyCss();
        scroll.getScene().getRoot().layout();
        Node content = scroll.getContent();
        double range = content.getLayoutBounds().getHeight()
                - scroll.getViewportBounds().getHeight();
        if (range <= 0) {
            return;
        }
        double span = scroll.getVmax() - scroll.getVmin();
        double top = (scroll.getVvalue() - scroll.getVmin()) / span * range;
        double view = scroll.getViewportBounds().getHeight();
        javafx.geometry.Bounds b = content.sceneToLocal(
                node.localToScene(node.getLayoutBounds()));
        double newTop = top;
        if (b.getMaxY() > newTop + view) {
            newTop = b.getMaxY() - view;
        }
        if (b.getMinY() < newTop) {
            newTop = b.getMinY();
        }
        scroll.setVvalue(scroll.getVmin() + span * Math.clamp(newTop / range, 0, 1));
    }

    /** A label that never shrinks to an ellipsis. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static VBox group(String title, Node body) {
        Label heading = label(title);
        heading.getStyleClass().add("section-title");
        return new VBox(6, heading, body);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    /** Id, prompt, tooltip and a two-way link to the form: what every input here shares. */
    private static <C extends TextInputControl> C bound(C input, String id,
            StringProperty text, String prompt, String tip) {
        input.setId(id);
        input.setPromptText(prompt);
        input.setTooltip(Tips.wrapped(tip));
        input.textProperty().bindBidirectional(text);
        return input;
    }

    private static TextArea regexArea(String id, StringProperty text, String prompt,
            String tip) {
        TextArea area = bound(io.webprobe.ui.common.TabKey.movesFocus(new TextArea()), id, text,
                prompt, tip);
        area.setPrefRowCount(2);
        area.setPrefColumnCount(14);
        area.setMinWidth(100);
        GridPane.setHgrow(area, Priority.ALWAYS);
        return area;
    }

    private TextField number(String id, Field field, StringProperty text, String prompt,
            String tip) {
        TextField f = bound(new TextField(), id, text, prompt, tip);
        f.setPrefColumnCount(6);
        f.setMinWidth(Region.USE_PREF_SIZE);
        f.setMaxWidth(Region.USE_PREF_SIZE);
        GridPane.setHalignment(f, HPos.LEFT);
        controls.put(field, f);
        return f;
    }

    /** A text field that takes the width its group leaves. */
    private TextField text(String id, Field field, StringProperty text, String prompt,
            String tip) {
        TextField f = bound(new TextField(), id, text, prompt, tip);
        f.setPrefColumnCount(8);
        f.setMinWidth(80);
        HBox.setHgrow(f, Priority.ALWAYS);
        controls.put(field, f);
        return f;
    }

    private static CheckBox check(String id, String text, BooleanProperty value, String tip) {
        CheckBox box = new CheckBox(text);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setId(id);
        box.setTooltip(Tips.wrapped(tip));
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    /**
     * Outlines the fields the form cannot read, and only those; each one's tooltip says what
     * it takes (the sentence Start would show for it) until it is read again.
     */
    private void markBad() {
        java.util.Map<Field, String> bad = form.badFieldsProperty().get();
        controls.forEach((f, c) -> {
            boolean marked = c.getStyleClass().contains("field-invalid");
            String why = bad.get(f);
            if (why != null && !marked) {
                c.getStyleClass().add("field-invalid");
            } else if (why == null && marked) {
                c.getStyleClass().remove("field-invalid");
            }
            Tooltip tip = c.getTooltip();
            if (tip != null) {
                Object usual = c.getProperties().computeIfAbsent(USUAL_TIP, k -> tip.getText());
                tip.setText(why != null ? why : (String) usual);
            }
        });
    }

    /** The fields of the Requests group, shown when Start names one. */
    private static final java.util.Set<Field> REQUESTS = java.util.EnumSet.of(Field.HEADERS,
            Field.MAX_RETRIES, Field.MAX_RETRY_AFTER, Field.MAX_CRAWL_DELAY);

    /** A control's property key: its tooltip's own text while a bad value's sentence shows. */
    private static final String USUAL_TIP = "webprobe.usualTip";

    private void showError(Field was, Field now) {
        Control c = now == null ? null : controls.get(now);
        if (c == null) {
            if (now != null) {
                pane.setExpanded(true);
            }
            return;
        }
        pane.setExpanded(true);
        if (REQUESTS.contains(now)) {
            requestsShown.setSelected(true);
        }
        if (!c.getStyleClass().contains("field-invalid")) {
            c.getStyleClass().add("field-invalid");
        }
        c.requestFocus();
        if (c instanceof TextInputControl t) {
            t.selectAll();
        }
    }
}
