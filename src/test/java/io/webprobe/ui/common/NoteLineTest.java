package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: at 1000×700 the interrupted crawl's sentence ended "(Webprobe or the …": the
 * workspace under the note line wants more height than the window has, and the column
 * squeezed the line to one line. It keeps all its lines now, the workspace giving way.
 */
@ExtendWith(ApplicationExtension.class)
class NoteLineTest {
    private static final String SENTENCE = "The last crawl, 127.0.0.1_18201-2026-12-06-161609"
            + ".webprobe, was interrupted before it finished (Webprobe or the computer stopped).";
    private Label text;

    @Start
    void start(Stage stage) {
        text = new Label();
        text.textProperty().bind(new SimpleStringProperty(SENTENCE));
        HBox line = NoteLine.of(text, Bindings.createBooleanBinding(() -> true),
                NoteLine.button("open", "Open it", "Open", () -> { }),
                NoteLine.button("not", "Not now", "Hide", () -> { }));
        // as the Crawl tab's middle: the note line over a workspace wanting more than there is
        Region workspace = new Region();
        workspace.setPrefHeight(2000);
        workspace.setMinHeight(300);
        VBox middle = new VBox(line, workspace);
        VBox.setVgrow(workspace, Priority.ALWAYS);
        FxStages.show(stage, new Scene(middle, 700, 500));
    }

    @Test
    void aLongSentenceWrapsWholeWhenTheColumnIsShort() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String shown = WaitForAsyncUtils.asyncFx(() -> ((Text) text.lookup(".text")).getText())
                .get(10, TimeUnit.SECONDS);
        assertThat(shown).isEqualTo(SENTENCE);
    }

    /**
     * One note line for the Crawl tab's offers and the main window's notice (each built its
     * own before, alike): its ids, the one look, and room taken only while it says something.
     */
    @Test
    void aNoteLineSaysItsSentenceOnlyWhileThereIsOne() throws Exception {
        SimpleStringProperty said = new SimpleStringProperty("");
        HBox line = WaitForAsyncUtils.asyncFx(() -> NoteLine.saying("notice", said,
                said.concat(" More."), NoteLine.button("hide", "Hide", "Hide", () -> { })))
                .get(10, TimeUnit.SECONDS);
        assertThat(line.getId()).isEqualTo("noticeBar");
        assertThat(line.getStyleClass()).contains("note-line");
        assertThat(line.isVisible()).isFalse();
        assertThat(line.isManaged()).isFalse();
        said.set("A notice.");
        assertThat(line.isVisible()).isTrue();
        assertThat(line.isManaged()).isTrue();
        Label text = (Label) line.getChildren().get(0);
        assertThat(text.getId()).isEqualTo("noticeText");
        assertThat(text.getText()).isEqualTo("A notice. More.");
    }
}
