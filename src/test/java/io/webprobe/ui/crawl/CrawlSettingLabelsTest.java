package io.webprobe.ui.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlLimit;
import io.webprobe.crawl.CrawlSetting;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FxStages;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings compare's notes point to in the window ("Crawl settings › Check anchors
 * (#fragments)") are named as the Crawl settings show them: each name is a label of the pane.
 */
@ExtendWith(ApplicationExtension.class)
class CrawlSettingLabelsTest {
    private CrawlSettingsPane pane;

    @Start
    void start(Stage stage) {
        pane = new CrawlSettingsPane(new CrawlSettingsForm(), new SimpleBooleanProperty(),
                new SimpleBooleanProperty(), new SimpleBooleanProperty(),
                new SimpleDoubleProperty(), new FakeDialogs());
        pane.root().setExpanded(true);
        FxStages.show(stage, new Scene(new StackPane(pane.root()), 960, 700));
    }

    @Test
    void everySettingANoteNamesIsALabelOfTheCrawlSettings() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = WaitForAsyncUtils.asyncFx(() -> {
            List<String> texts = new java.util.ArrayList<>();
            texts(pane.root().getContent(), texts);
            return texts;
        }).get(10, TimeUnit.SECONDS);
        assertThat(shown).containsAll(Arrays.stream(CrawlSetting.values())
                .map(CrawlSetting::label).toList());
        assertThat(shown).contains(CrawlLimit.MAX_DEPTH.name(CrawlLimit.Naming.LABEL),
                CrawlLimit.MAX_PAGES.name(CrawlLimit.Naming.LABEL));
    }

    /** The texts of the labels and boxes under {@code node}, a scroll pane's content too. */
    private static void texts(javafx.scene.Node node, List<String> into) {
        if (node instanceof Labeled l) {
            into.add(l.getText());
        }
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            texts(s.getContent(), into);
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, into));
        }
    }
}
