package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 800);
    private static final Rectangle2D RIGHT = new Rectangle2D(1280, 0, 1920, 1080);
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 600);

    @Test
    void withNothingRememberedTheWindowIs1200By760CentredWhenTheScreenIsBigEnough() {
        Rectangle2D big = new Rectangle2D(0, 0, 1920, 1080);
        assertThat(WindowPlacement.place(Optional.empty(), List.of(big), big))
                .isEqualTo(new Rectangle2D(360, 160, 1200, 760));
    }

    @Test
    void onASmallScreenTheDefaultIsFourFifthsOfIt() {
        assertThat(WindowPlacement.place(Optional.empty(), List.of(SMALL), SMALL))
                .isEqualTo(new Rectangle2D(102, 60, 819, 480));
        assertThat(WindowPlacement.place(Optional.empty(), List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(128, 80, 1024, 640));
    }

    @Test
    void theDefaultIsCentredOnThePrimaryScreenWhereverItIs() {
        Rectangle2D primary = new Rectangle2D(1280, 0, 1920, 1080);
        Rectangle2D r = WindowPlacement.place(Optional.empty(), List.of(LAPTOP, primary), primary);
        assertThat(r.getMinX()).isEqualTo(1280 + 360);
    }

    @Test
    void rememberedBoundsOnACurrentScreenAreKept() {
        Rectangle2D saved = new Rectangle2D(1400, 100, 900, 700);
        assertThat(WindowPlacement.place(Optional.of(saved), List.of(LAPTOP, RIGHT), LAPTOP))
                .isEqualTo(saved);
    }

    @Test
    void rememberedBoundsOnAScreenThatIsGoneAreCentredOnThePrimaryOne() {
        Rectangle2D saved = new Rectangle2D(1400, 100, 900, 700);
        assertThat(WindowPlacement.place(Optional.of(saved), List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(190, 50, 900, 700));
    }

    @Test
    void aWindowBiggerThanItsScreenIsShrunkToIt() {
        Rectangle2D saved = new Rectangle2D(10, 10, 1900, 1000);
        assertThat(WindowPlacement.place(Optional.of(saved), List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(0, 0, 1280, 800));
    }

    @Test
    void aWindowWhoseTitleBarIsOffTheTopOrTheSidesIsNotRestoredThere() {
        Rectangle2D aboveTheScreen = new Rectangle2D(100, -300, 900, 700);
        Rectangle2D barelyVisible = new Rectangle2D(1230, 100, 900, 700); // 50 px on screen
        for (Rectangle2D saved : List.of(aboveTheScreen, barelyVisible)) {
            Rectangle2D r = WindowPlacement.place(Optional.of(saved), List.of(LAPTOP), LAPTOP);
            assertThat(r).isEqualTo(new Rectangle2D(190, 50, 900, 700));
        }
    }

    @Test
    void aPartlyVisibleWindowIsMovedFullyOntoItsScreen() {
        Rectangle2D saved = new Rectangle2D(800, 300, 900, 700); // right and bottom hang off
        assertThat(WindowPlacement.place(Optional.of(saved), List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rectangle2D(380, 100, 900, 700));
    }

    @Test
    void aTinyRememberedWindowIsIgnored() {
        // what JavaFX 21 under Openbox used to save: 200×200
        Rectangle2D saved = new Rectangle2D(40, 40, 200, 200);
        assertThat(WindowPlacement.place(Optional.of(saved), List.of(LAPTOP), LAPTOP))
                .isEqualTo(WindowPlacement.defaultBounds(LAPTOP));
    }

    @Test
    void aWindowSmallerThanTheMinimumGrowsAboutItsCentreAndStaysOnItsScreen() {
        Rectangle2D small = new Rectangle2D(102, 60, 819, 480);
        assertThat(WindowPlacement.atLeast(small, 960, 640, LAPTOP))
                .isEqualTo(new Rectangle2D(32, 0, 960, 640));
        // never beyond the screen
        assertThat(WindowPlacement.atLeast(small, 960, 640, SMALL))
                .isEqualTo(new Rectangle2D(32, 0, 960, 600));
        // big enough: as it was
        Rectangle2D saved = new Rectangle2D(1400, 100, 1000, 700);
        assertThat(WindowPlacement.atLeast(saved, 960, 640, RIGHT)).isSameAs(saved);
        // a window in a corner grows onto the screen, not off it
        assertThat(WindowPlacement.atLeast(new Rectangle2D(780, 400, 500, 400), 960, 640, LAPTOP))
                .isEqualTo(new Rectangle2D(320, 160, 960, 640));
    }
}
