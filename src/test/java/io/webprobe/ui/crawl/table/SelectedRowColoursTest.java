package io.webprobe.ui.crawl.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's colours for marked rows and cells (a broken URL, one not fetched, a size cut at
 * the download cap) read in every state of a selected row: on the focused table's blue bar
 * and on the light grey bar of a table that lost the focus. The bug: the orange "cut at the
 * download cap" size turned white on light grey when the table lost the focus.
 */
@ExtendWith(ApplicationExtension.class)
class SelectedRowColoursTest {
    private TableView<String> table;
    private TextField other;
    private String rowClass = "";
    private String cellClass = "";

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList("a", "b", "c"));
        TableColumn<String, String> col = new TableColumn<>("Size");
        col.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(d.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("truncated");
                if (!empty && !cellClass.isEmpty()) {
                    getStyleClass().add(cellClass);
                }
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("broken", "not-fetched");
                if (!empty && !rowClass.isEmpty()) {
                    getStyleClass().add(rowClass);
                }
            }
        });
        table.getColumns().add(col);
        other = new TextField();
        Scene scene = new Scene(new VBox(other, table), 400, 300);
        scene.getStylesheets().add(getClass().getResource("/io/webprobe/ui/webprobe.css")
                .toExternalForm());
        FxStages.show(stage, scene);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** The text colour of the first row's cell, row 0 selected, the table focused or not. */
    private Color textOfSelected(boolean focused) throws Exception {
        fx(() -> {
            table.refresh();
            table.getSelectionModel().select(0);
            if (focused) {
                table.requestFocus();
            } else {
                other.requestFocus();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            assertThat(table.isFocused()).isEqualTo(focused);
            table.applyCss();
            table.layout();
            for (var n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> cell && cell.getIndex() == 0
                        && cell.getTableRow() != null && cell.getTableRow().isSelected()) {
                    return (Color) cell.getTextFill();
                }
            }
            throw new AssertionError("no cell of the selected row");
        });
    }

    private static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @ParameterizedTest
    @CsvSource({"'', truncated", "broken, ''", "not-fetched, ''"})
    void markedTextReadsOnASelectedRowWithAndWithoutTheFocus(String row, String cell)
            throws Exception {
        rowClass = row;
        cellClass = cell;
        // modena's bars: -fx-selection-bar (focused), -fx-selection-bar-non-focused (lightgray)
        Color grey = Color.LIGHTGRAY;
        Color blue = Color.web("#0096c9");
        assertThat(contrast(textOfSelected(false), grey)).as("on the grey bar")
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(textOfSelected(true), blue)).as("on the blue bar")
                .isGreaterThanOrEqualTo(3.0);
    }
}
