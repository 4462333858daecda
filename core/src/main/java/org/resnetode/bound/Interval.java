package org.resnetode.bound;

/**
 * Outward-rounded interval arithmetic on pairs of doubles {@code [lo, hi]}, without rounding modes: every operation
 * computes the round-to-nearest result and steps one ulp outwards ({@link Math#nextDown}, {@link Math#nextUp}). A
 * round-to-nearest result is within half an ulp of the exact one, so the stepped bound encloses it; an interval
 * operation returns an enclosure of {@code {a ∘ b : a ∈ A, b ∈ B}} for the real numbers, not just for the doubles.
 * Static methods on scalars, also the upward-rounded scalar arithmetic of the midpoint-radius radii ({@link RoundOff}).
 */
public final class Interval {
    /** ulps by which {@link Math#exp} may miss (its contract: 1 ulp), plus one for the rounding of its argument. */
    private static final int EXP_ULPS = 2;

    private Interval() {
    }

    /** Lower end of {@code a + b}. */
    public static double addLo(double a, double b) {
        return Math.nextDown(a + b);
    }

    /** Upper end of {@code a + b}. */
    public static double addHi(double a, double b) {
        return Math.nextUp(a + b);
    }

    /** Lower end of {@code [al, ah] · [bl, bh]}: the smallest of the four corner products, rounded down. */
    public static double mulLo(double al, double ah, double bl, double bh) {
        return Math.nextDown(Math.min(Math.min(al * bl, al * bh), Math.min(ah * bl, ah * bh)));
    }

    /** Upper end of {@code [al, ah] · [bl, bh]}: the largest of the four corner products, rounded up. */
    public static double mulHi(double al, double ah, double bl, double bh) {
        return Math.nextUp(Math.max(Math.max(al * bl, al * bh), Math.max(ah * bl, ah * bh)));
    }

    /** Lower end of {@code w · [l, h]} for a point w. */
    public static double scaleLo(double w, double l, double h) {
        return Math.nextDown(w >= 0 ? w * l : w * h);
    }

    /** Upper end of {@code w · [l, h]} for a point w. */
    public static double scaleHi(double w, double l, double h) {
        return Math.nextUp(w >= 0 ? w * h : w * l);
    }

    /** Upper bound of {@code a · b} for reals a, b >= 0. */
    public static double mulUp(double a, double b) {
        return Math.nextUp(a * b);
    }

    /** Upper bound of {@code a + b}. */
    public static double addUp(double a, double b) {
        return Math.nextUp(a + b);
    }

    /** Upper bound of {@code √a}, a >= 0 ({@link Math#sqrt} is correctly rounded). */
    public static double sqrtUp(double a) {
        return Math.nextUp(Math.sqrt(a));
    }

    /** Upper bound of {@code e^a}. */
    public static double expUp(double a) {
        double e = Math.exp(a);
        for (int i = 0; i < EXP_ULPS; i++) {
            e = Math.nextUp(e);
        }
        return e;
    }

    /** Lower bound of {@code e^a} ({@link #expUp}'s steps downwards, at least 0). */
    public static double expLo(double a) {
        double e = Math.exp(a);
        for (int i = 0; i < EXP_ULPS; i++) {
            e = Math.nextDown(e);
        }
        return Math.max(0, e);
    }

    /** The midpoint of {@code [lo, hi]} as a double (any double will do: {@link #radius} covers its rounding). */
    public static double midpoint(double lo, double hi) {
        return 0.5 * lo + 0.5 * hi;
    }

    /** A radius r with {@code [lo, hi] ⊂ [mid - r, mid + r]}, rounded up. */
    public static double radius(double lo, double hi, double mid) {
        return Math.max(Math.nextUp(hi - mid), Math.nextUp(mid - lo));
    }

    /** Lower end of {@code [l, h]²}: 0 when the interval holds 0. */
    public static double squareLo(double l, double h) {
        if (l <= 0 && h >= 0) {
            return 0;
        }
        double m = Math.min(Math.abs(l), Math.abs(h));
        return Math.nextDown(m * m);
    }

    /** Upper end of {@code [l, h]²}. */
    public static double squareHi(double l, double h) {
        double m = Math.max(Math.abs(l), Math.abs(h));
        return Math.nextUp(m * m);
    }
}
