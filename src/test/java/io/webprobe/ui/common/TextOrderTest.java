package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.TableColumnBase;
import org.junit.jupiter.api.Test;

/** Text columns sort as JavaFX's default comparator sorts them (the outside truth). */
class TextOrderTest {
    @Test
    @SuppressWarnings("unchecked")
    void ordersTextAsJavaFxsDefaultComparatorDoes() {
        List<String> words = new ArrayList<>(Arrays.asList(null, "", "a", "B", "b", "Ä", "é",
                "e", "Zebra", "zebra", "http://127.0.0.1/a?x=1", "http://127.0.0.1/A",
                "404 Not Found", "Redirect loop", "301 → 404", "Ünïcode", "10", "9", null));
        Comparator<String> ours = TextOrder.comparator();
        Comparator<Object> theirs = TableColumnBase.DEFAULT_COMPARATOR;
        for (String a : words) {
            for (String b : words) {
                assertThat(Integer.signum(ours.compare(a, b))).as(a + " vs " + b)
                        .isEqualTo(Integer.signum(theirs.compare(a, b)));
            }
        }
    }
}
