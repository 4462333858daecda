package org.resnetode.scheme;

import org.resnetode.checks.BadInputException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.resnetode.checks.Printable;

/**
 * A tableau plus the convention mapping depth N to steps and weights ({@link DepthGrid}). The standard convention
 * runs N steps of size h = 1/N on [0, 1]; the reference-code convention (the paper's public code) runs
 * N-1 steps of size 1/N over N weights θ_0..θ_{N-1}, ending at t = (N-1)/N.
 */
public record Scheme(String name, ButcherTableau tableau, boolean referenceConvention) {

    public static final Scheme EULER = new Scheme("euler", ButcherTableau.EULER, false);
    public static final Scheme HEUN = new Scheme("heun", ButcherTableau.HEUN, false);
    public static final Scheme HEUN_REFERENCE = new Scheme("heun-reference", ButcherTableau.HEUN, true);

    /** Names accepted on the command line: every built-in tableau (standard convention), then heun-reference. */
    public static final List<String> NAMES = names();

    /**
     * The scheme of a built-in tableau's name, or heun-reference (case-insensitive), or of the tableau in a JSON
     * file when the name ends in {@code .json} ({@link TableauFile}).
     */
    public static Scheme byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.endsWith(".json")) {
            Path path;
            try {
                path = Path.of(name);
            } catch (InvalidPathException e) {
                throw new BadInputException("tableau file " + Printable.of(name, 60) + ": not a valid path");
            }
            return of(TableauFile.read(path));
        }
        if (key.equals("heun-reference")) {
            return HEUN_REFERENCE;
        }
        if (key.equals("euler")) {
            return EULER;
        }
        if (key.equals("heun")) {
            return HEUN;
        }
        for (ButcherTableau t : ButcherTableau.BUILT_IN) {
            if (t.name().equals(key)) {
                return of(t);
            }
        }
        throw new BadInputException("unknown scheme '" + name + "' (expected one of " + NAMES + ", or a tableau file ending in .json)");
    }

    /** Any tableau with the standard convention: N steps of size 1/N. */
    public static Scheme of(ButcherTableau tableau) {
        return new Scheme(tableau.name(), tableau, false);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ButcherTableau t : ButcherTableau.BUILT_IN) {
            names.add(t.name());
        }
        names.add("heun-reference");
        return Collections.unmodifiableList(names);
    }

    /** Smallest depth the scheme accepts: the reference convention needs one step, so N >= 2. */
    public int minimumDepth() {
        return DepthGrid.minimumDepth(referenceConvention);
    }

    /** The steps, weight samples and step size of a depth-N network ({@link DepthGrid}). */
    public DepthGrid grid(int depth) {
        return DepthGrid.of(this, depth);
    }

    /** Number of steps taken by a depth-N network. */
    public int steps(int depth) {
        return grid(depth).steps();
    }

    /** Number of weight samples θ_0..θ_K read by a depth-N network: one more than the steps when a stage reads θ_{n+1}. */
    public int weightCount(int depth) {
        return grid(depth).weightCount();
    }

    /** Step size h = 1/N. */
    public double stepSize(int depth) {
        return grid(depth).stepSize();
    }

    /** Time reached by the network: steps × h. */
    public double finalTime(int depth) {
        return grid(depth).finalTime();
    }
}
