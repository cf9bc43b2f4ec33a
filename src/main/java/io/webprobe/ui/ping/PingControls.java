package io.webprobe.ui.ping;

import io.webprobe.ui.common.Buttons;
import io.webprobe.ui.common.FieldError;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The left of the Ping tab: the list of URLs under its title and Load from file…, the
 * sentences about its bad lines, the settings ({@link PingSettingsPane}), scrolling together
 * when the window is too short for them, and Start / Stop / Export CSV… below, always in
 * sight.
 */
final class PingControls {
    /** The settings' width beside the table, while they do not scroll. */
    private static final double SIDE_WIDTH = 300;

    /** Rows of the list kept in sight while its bad lines are named under it. */
    static final int PROBLEM_ROWS = 5;

    private final VBox root;

    PingControls(PingViewModel vm) {
        TextArea urls = io.webprobe.ui.common.TabKey.movesFocus(new TextArea());
        urls.setId("pingTargets");
        urls.setPromptText("One URL per line; # starts a comment");
        urls.textProperty().bindBidirectional(vm.targetsProperty());
        urls.setPrefRowCount(8);
        urls.disableProperty().bind(vm.runningProperty());
        // a line wider than the list scrolled it sideways to the caret, and every line then
        // showed cut at its start ("tp://127.0.0.1..."): shown from the left but while typed in
        urls.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                urls.setScrollLeft(0);
            }
        });
        // a list put there while the list is not being typed in (a crawl's Ping these, a file
        // loaded, the list brought back at a start) shows from its first line's start: after a
        // list typed in, a crawl's URLs showed scrolled sideways and down ("ttp://127.0.0.1:
        // 18201/section-2/…", the first line cut), the caret left where the typing ended
        urls.textProperty().addListener(o -> {
            if (!urls.isFocused()) {
                urls.positionCaret(0);
                showFromStart(urls);
                // and after the skin has laid the new text out (when its tab shows)
                javafx.application.Platform.runLater(() -> showFromStart(urls));
            }
        });
        VBox.setVgrow(urls, Priority.ALWAYS);

        Label problems = FieldError.label("pingProblems", vm.targetProblemsProperty());
        // never squeezed below its text (the list above gives way): at the window's first
        // size, and with Fixed rate's extra row, the last reason was cut ("Only http:// ...").
        // TargetProblems names a few reasons, not a line each: a file's bad lines, a red line
        // each, pushed the list down to one line's height. (A cap on its height, ten font
        // sizes, did nothing: a minimum above the maximum wins.)
        problems.setMinHeight(Region.USE_PREF_SIZE);
        // two lines of the list stay, three while there is room: with three at least (60 px),
        // a run's summary on two lines of the status bar (at 960×640 after a Fixed rate run)
        // made the settings scroll, their scroll bar took 15 px from the table, and the table
        // scrolled sideways. While bad lines are named under it, five rows stay and the
        // settings below scroll instead: at 960×640 their reasons (11 lines of red for three
        // kinds and a repeat) left the list two rows, one under its sideways scroll bar.
        urls.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> vm.targetProblemsProperty().get().isEmpty() ? 44
                        : rowsHeight(urls.getFont(), PROBLEM_ROWS),
                vm.targetProblemsProperty(), urls.fontProperty()));
        Tooltip problemsTip = new Tooltip();
        problemsTip.setWrapText(true);
        problemsTip.setMaxWidth(500);
        problemsTip.textProperty().bind(vm.targetProblemsProperty());
        problems.setTooltip(problemsTip);

        Button load = Buttons.of("pingLoad", "Load from file…", vm::loadTargetsFromFile);
        load.disableProperty().bind(vm.runningProperty());

        Node settings = new PingSettingsPane(vm).root();

        Button start = Buttons.of("pingStart", "Start", vm::start);
        start.setTooltip(new Tooltip("Start (Ctrl+Enter)"));
        start.disableProperty().bind(vm.runningProperty());
        Button stop = Buttons.of("pingStop", "Stop", vm::stop);
        stop.setTooltip(new Tooltip("Stop (Esc)"));
        stop.disableProperty().bind(vm.runningProperty().not());
        Button export = Buttons.of("pingExport", "Export CSV…", vm::exportCsv);
        export.disableProperty().bind(vm.exportableProperty().not());
        HBox buttons = new HBox(8, start, stop, export);

        Label title = new Label("URLs");
        title.getStyleClass().add("section-title");
        // Load from file… on the title's line, at its end, as the list's own action: on a line
        // of its own under the list it took a row's height from it, and at 960×640 in Fixed
        // rate mode (Rate and Duration, a row more) the list showed two rows and a third cut
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        load.setMinWidth(Region.USE_PREF_SIZE);
        HBox titleLine = new HBox(8, title, titleGap, load);
        titleLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label settingsTitle = new Label("Settings");
        settingsTitle.getStyleClass().add("section-title");
        VBox content = new VBox(8, titleLine, urls, problems, settingsTitle, settings);
        content.setPadding(new Insets(10, 10, 0, 10));
        // the list and settings scroll in a window too short for them (Fixed rate's rows and
        // the Headers box at 960×640), rather than pushing the status bar out of the window;
        // a taller one gives the room to the list. Start and Stop stay in sight below.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        buttons.setPadding(new Insets(0, 10, 10, 10));
        VBox side = new VBox(8, scroll, buttons);
        // 300 px, not 330: the 30 px let the table's Errors column hold "10 Connection
        // refused" whole (ErrorsColumn) beside a 200 px URL column and the vertical scroll
        // bar's place at the default 1,200 px, and the default columns fit at 960 px; the
        // settings need 297 (Mode's "Requests per URL" beside "Trust certificate"), and the
        // scroll bar's width besides while they scroll (at 960×640 after a Fixed rate run,
        // whose summary takes two lines of the status bar, "HTTP/2 (https UR..." was cut)
        side.setPrefWidth(SIDE_WIDTH);
        scroll.skinProperty().addListener((o, was, now) -> {
            for (javafx.scene.Node n : scroll.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == Orientation.VERTICAL) {
                    // after the layout pass that showed or hid the bar: a width asked for
                    // during it was laid out only when something else asked for a layout
                    // (a Mode changed after a run, its columns no longer changing with it,
                    // left "HTTP/2 (https UR..." cut)
                    bar.visibleProperty().addListener((ov, hid, shown) ->
                            javafx.application.Platform.runLater(() -> side.setPrefWidth(
                                    SIDE_WIDTH + (bar.isVisible() ? bar.prefWidth(-1) : 0))));
                }
            }
        });
        side.setMinWidth(280);
        this.root = side;
    }

    Node root() {
        return root;
    }

    /**
     * The height of a list showing {@code rows} lines in {@code font}: the lines, the list's
     * padding and border (2/3 em and 2 px) and a sideways scroll bar (about 1 1/3 em), which a
     * URL wider than the list brings.
     */
    static double rowsHeight(javafx.scene.text.Font font, int rows) {
        return rows * lineHeight(font) + font.getSize() * 2 + 2;
    }

    /** The height of a line of text in {@code font}, as a text area lays its lines out. */
    static double lineHeight(javafx.scene.text.Font font) {
        javafx.scene.text.Text line = new javafx.scene.text.Text("Xg");
        line.setFont(font);
        return line.getLayoutBounds().getHeight();
    }

    /** Scrolls an area that is not being typed in back to its start. */
    private static void showFromStart(TextArea area) {
        if (!area.isFocused()) {
            area.setScrollLeft(0);
            area.setScrollTop(0);
        }
    }
}
