package io.webprobe.ui.common;

import java.util.function.Supplier;
import javafx.scene.control.Tooltip;

/**
 * A cell's tooltip, made the first time the cell has something to say in it. A tooltip is a
 * popup window with a scene of its own: made with every cell, the overview's and the tables'
 * cells made hundreds as the window opened and as rows were drawn, most never to show one (an
 * empty row's, a number's, a name not cut short), ~9 % of opening the window. FX thread only.
 */
public final class LazyTip {
    private final Supplier<Tooltip> make;
    private Tooltip tip;

    private LazyTip(Supplier<Tooltip> make) {
        this.make = make;
    }

    /** A plain tooltip, its text set where it is used ({@link #saying}). */
    public static LazyTip plain() {
        return new LazyTip(Tooltip::new);
    }

    /** A tooltip that {@code make} makes, when it is first wanted. */
    public static LazyTip of(Supplier<Tooltip> make) {
        return new LazyTip(make);
    }

    /** The tooltip, made now if it was not yet. */
    public Tooltip get() {
        if (tip == null) {
            tip = make.get();
        }
        return tip;
    }

    /** The tooltip (made now if it was not yet), saying {@code text}. */
    public Tooltip saying(String text) {
        Tooltip t = get();
        t.setText(text);
        return t;
    }

    /** Whether {@code t} is this tooltip (never before it is made). */
    public boolean is(Tooltip t) {
        return t != null && t == tip;
    }
}
