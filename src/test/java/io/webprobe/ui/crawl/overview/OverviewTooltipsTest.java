package io.webprobe.ui.crawl.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.store.UrlFilter;
import io.webprobe.testsupport.FxStages;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening the window was slowed by tooltips no one would see: each of the overview's cells made
 * three as it was made (a tooltip is a popup window with a scene of its own), though only the
 * Broken and Non-indexable cells say one, and a name only when it is cut short. A cell makes
 * its tooltip when it first has something to say in it.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewTooltipsTest {
    private OverviewModel model;

    @Start
    void start(Stage stage) {
        model = new OverviewModel(System::nanoTime);
        FxStages.show(stage, new Scene(new OverviewView(model).root(), 260, 800));
    }

    @Test
    void aCellHoldsNoTooltipButTheOneItShows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> unshown = new ArrayList<>();
        Map<UrlFilter, String> shown = new java.util.EnumMap<>(UrlFilter.class);
        WaitForAsyncUtils.asyncFx(() -> {
            for (TreeCell<?> cell : robot.lookup(".tree-cell").queryAllAs(TreeCell.class)) {
                Tooltip own = cell.getTooltip();
                for (Tooltip held : held(cell)) {
                    if (held != own) {
                        unshown.add(cell.getText() + " " + cell.getId());
                    }
                }
                if (own != null && cell.getItem() instanceof OverviewEntry e) {
                    shown.put(e.filter(), own.getText());
                }
            }
            return null;
        }).get();
        assertThat(unshown).as("cells holding a tooltip they do not show").isEmpty();
        // the two that say one still do
        assertThat(shown).containsOnlyKeys(UrlFilter.BROKEN, UrlFilter.NON_INDEXABLE);
        assertThat(shown.get(UrlFilter.BROKEN)).startsWith("Broken URLs: ");
        assertThat(shown.get(UrlFilter.NON_INDEXABLE)).startsWith("Non-indexable pages: ");
    }

    /** The tooltips {@code o}'s own fields hold, and those of the objects of ours they hold. */
    private static List<Tooltip> held(Object o) throws IllegalAccessException {
        List<Tooltip> tips = new ArrayList<>();
        collect(o, tips, new IdentityHashMap<>(), 2);
        return tips;
    }

    private static void collect(Object o, List<Tooltip> tips, Map<Object, Boolean> seen,
            int depth) throws IllegalAccessException {
        if (o == null || depth < 0 || seen.put(o, true) != null) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("io.webprobe.");
                c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())
                        || f.getType().isPrimitive()) {
                    continue;
                }
                f.setAccessible(true);
                Object v = f.get(o);
                if (v instanceof Tooltip t) {
                    tips.add(t);
                } else if (v != null && v.getClass().getName().startsWith("io.webprobe.")) {
                    collect(v, tips, seen, depth - 1);
                }
            }
        }
    }
}
