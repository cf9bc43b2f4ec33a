package io.webprobe.ui.crawl.broken;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.BrokenLink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Broken links table keeps the user's selection across a refresh of its list (a running
 * crawl reads it again every half second or so): the same links are selected wherever they
 * now are, the lead row stays on the link last chosen, and links gone from the list drop out.
 */
@ExtendWith(ApplicationExtension.class)
class BrokenLinksViewTest {
    private BrokenLinksModel model;
    private BrokenLinksView view;

    @Start
    void start(Stage stage) {
        model = new BrokenLinksModel(System::nanoTime);
        view = new BrokenLinksView(model);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 800, 600));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private static BrokenLink link(int i) {
        return new BrokenLink("http://127.0.0.1/page" + i, "http://127.0.0.1/gone" + i, 404,
                null, "", "link " + i, "a", "http://127.0.0.1/gone" + i, "");
    }

    private static List<BrokenLink> links(int from, int to) {
        List<BrokenLink> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(link(i));
        }
        return out;
    }

    private List<BrokenLink> selected() throws Exception {
        return fx(() -> List.copyOf(view.table().getSelectionModel().getSelectedItems()));
    }

    /** The tab's search keeps the links whose URL, page, status or anchor holds the text. */
    @Test
    void theSearchKeepsTheMatchingLinksAndSaysHowManyOfAll() throws Exception {
        fx(() -> {
            model.apply(links(0, 30));
            view.search().setText("GONE1"); // any case: gone1, gone10-19
            return null;
        });
        assertThat(fx(() -> List.copyOf(view.table().getItems())))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                        links(1, 2).stream(), links(10, 20).stream()).toList());
        assertThat(fx(() -> ((javafx.scene.control.Label) view.root().lookup("#brokenCount"))
                .getText())).isEqualTo("11 of 30 broken links");
        fx(() -> {
            view.search().setText("link 7");
            return null;
        });
        assertThat(fx(() -> List.copyOf(view.table().getItems()))).containsExactly(link(7));
        fx(() -> {
            view.search().setText("404 not");
            return null;
        });
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(30);
        assertThat(fx(() -> ((javafx.scene.control.Label) view.root().lookup("#brokenCount"))
                .getText())).isEqualTo("30 broken links");
    }

    @Test
    void aRefreshSelectsTheSameLinksAgainWhereverTheyNowAre() throws Exception {
        fx(() -> {
            model.apply(links(0, 10));
            var s = view.table().getSelectionModel();
            s.select(2);
            s.select(7);
            s.select(5); // the link chosen last
            return null;
        });
        assertThat(view.chosenProperty().get()).isEqualTo(link(5));

        // a fresh read: two links before them, the list reversed, link 7 fixed meanwhile
        List<BrokenLink> fresh = new ArrayList<>(links(0, 10));
        fresh.remove(link(7));
        java.util.Collections.reverse(fresh);
        fresh.addAll(0, links(10, 12));
        fx(() -> {
            model.apply(fresh);
            return null;
        });

        assertThat(selected()).containsExactlyInAnyOrder(link(2), link(5));
        assertThat(fx(() -> view.table().getSelectionModel().getSelectedItem()))
                .isEqualTo(link(5));
        int focused = fx(() -> view.table().getFocusModel().getFocusedIndex());
        assertThat(fx(() -> view.table().getItems().get(focused))).isEqualTo(link(5));
        assertThat(view.chosenProperty().get()).isEqualTo(link(5));
    }

    @Test
    void aSelectAllOfManyLinksIsSelectedAgainAfterARefresh() throws Exception {
        int n = 20_000;
        fx(() -> {
            model.apply(links(0, n));
            view.table().getSelectionModel().selectAll(); // Ctrl+A
            view.table().getSelectionModel().select(n / 2);
            return null;
        });
        assertThat(selected()).hasSize(n);

        List<BrokenLink> fresh = new ArrayList<>(links(0, n + 5)); // five new ones
        java.util.Collections.reverse(fresh);
        fx(() -> {
            model.apply(fresh);
            return null;
        });

        List<BrokenLink> now = selected();
        assertThat(now).hasSize(n).doesNotContain(link(n), link(n + 4));
        assertThat(new java.util.HashSet<>(now)).isEqualTo(new java.util.HashSet<>(links(0, n)));
        assertThat(fx(() -> view.table().getSelectionModel().getSelectedItem()))
                .isEqualTo(link(n / 2));
    }

    @Test
    void nothingSelectedStaysNothingSelected() throws Exception {
        fx(() -> {
            model.apply(links(0, 5));
            model.apply(links(0, 6));
            return null;
        });
        assertThat(selected()).isEmpty();
        assertThat(view.chosenProperty().get()).isNull();
    }

    /** A value that counts how often it is compared or hashed. */
    private record Counted(int value, AtomicLong calls) {
        @Override
        public boolean equals(Object o) {
            calls.incrementAndGet();
            return o instanceof Counted c && c.value == value;
        }

        @Override
        public int hashCode() {
            calls.incrementAndGet();
            return Integer.hashCode(value);
        }
    }

    @Test
    void findingTheRowsOfTheSelectedLinksLooksAtEachRowAndEachLinkAFewTimesOnly() {
        AtomicLong calls = new AtomicLong();
        int n = 10_000;
        List<Counted> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Counted(i, calls));
        }
        List<Counted> wanted = new ArrayList<>(rows.reversed().subList(0, n / 2));
        wanted.add(new Counted(-1, calls)); // no longer listed
        calls.set(0);

        int[] found = BrokenLinksView.rowsOf(rows, wanted);

        // every second half row, in row order; the missing one is left out
        assertThat(found).hasSize(n / 2);
        assertThat(found[0]).isEqualTo(n / 2);
        assertThat(found[found.length - 1]).isEqualTo(n - 1);
        // one search of the rows per link would be about n × n / 4 = 25,000,000 comparisons
        assertThat(calls.get()).isLessThan(4L * (n + wanted.size()));
    }
}
