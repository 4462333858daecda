package org.resnetode.bound;

import org.resnetode.linalg.Gemv;

/**
 * A matrix block of θ on one knot interval, in the interval's own time {@code u ∈ [0, 1]} ({@code t = t_k + u h}):
 * {@code A(u) = A_a + u Δ}, {@code Δ = A_b - A_a}. Holds the computed {@code Δ̃ = fl(A_b - A_a)} (entrywise within
 * {@code u |Δ̃|} of Δ), upper bounds of the ∞-norms and of the spectral norms, and applies the Taylor-mode product
 * <pre>
 *   ζ_[k] = A(u0) x_[k] + Δ x_[k-1] = A_a x_[k] + u0 Δ x_[k] + Δ x_[k-1]
 * </pre>
 * (the k-th coefficient of {@code w -> A(u0 + w) x(u0 + w)}) in floating point, returning a bound on its distance to
 * the exact product of the exact coefficients. {@code Δ x_[k]} is formed once, when an order first needs it. Owns its
 * buffers.
 */
final class AffineMatrix {
    final int rows;
    final int cols;
    private final double[] delta;
    /** {@code Δ̃ x_[k]} in row k, valid for k < {@link #deltaCount}. */
    private final double[][] deltaProducts;
    private int deltaCount;
    private final double[] column;
    private final double[] product;
    /** {@code A_a x_[0]} from {@link #knots(double[], int, int, boolean, double[])}, valid while {@link #primed}. */
    private final double[] initial;
    private boolean primed;
    /** γ_{cols+6}: the rounding of one product {@link #apply} forms. */
    private final double roundOff;
    /** The plain block of {@link #apply}'s radius: 4 products, 3 sums. */
    private static final double RADIUS_MARGIN = RoundOff.blockMargin(7);
    /** {@code γ ||Δ̃||} rounded up, for the current knots. */
    private double roundOffDelta;
    /** The u0 of {@link #alphaAt} and {@link #roundOffAlphaAt} (NaN: none yet on these knots). */
    private double cachedU0 = Double.NaN;
    /** {@code ||A_a|| + u0 ||Δ||} and γ times it, rounded up, at {@link #cachedU0}. */
    private double alphaAt;
    private double roundOffAlphaAt;
    private final double rowSumMargin;
    private final SpectralBound spectral;
    private double[] w;
    private int offA;
    private int offB = -1;
    private boolean tail;
    /** Upper bounds of {@code ||A_a||_∞}, {@code ||A_b||_∞}, and of both {@code ||Δ̃||_∞} and {@code ||Δ||_∞}. */
    double normA;
    double normB;
    double normDelta;
    /** Upper bounds of {@code ||A_a||_2} and {@code ||A_b||_2}. */
    double spectralA;
    double spectralB;

    AffineMatrix(int rows, int cols, int capacity) {
        this.rows = rows;
        this.cols = cols;
        this.delta = new double[rows * cols];
        this.deltaProducts = new double[capacity + 1][rows];
        this.column = new double[cols];
        this.product = new double[rows];
        this.initial = new double[rows];
        this.roundOff = RoundOff.gamma(cols + 6);
        this.rowSumMargin = 1 + 2 * RoundOff.gamma(cols);
        this.spectral = new SpectralBound(rows, cols);
    }

    /**
     * The block at {@code offA} and {@code offB} of {@code w}; on the tail (after the last knot) Δ = 0. One pass over
     * A_b forms Δ̃, the row sums of {@code |A_b|} and {@code |Δ̃|} and the Frobenius sums of {@link SpectralBound}; A_a's
     * norms are the previous interval's A_b norms when the intervals follow each other.
     */
    void knots(double[] w, int offA, int offB, boolean tail) {
        knots(w, offA, offB, tail, null);
    }

    /**
     * {@link #knots(double[], int, int, boolean)}, and when {@code start} is given (not on the tail) the same pass also
     * forms {@code A_a x_[0]} and {@code Δ̃ x_[0]} for {@code x_[0] = start}: the products of the first {@link #apply}
     * calls of a substep at u0 = 0 from that point (any summation order keeps {@link #apply}'s margin).
     */
    void knots(double[] w, int offA, int offB, boolean tail, double[] start) {
        if (w == this.w && offA == this.offB) {
            normA = normB;
            spectralA = spectralB;
        } else {
            normA = RoundOff.infinityNorm(w, offA, rows, cols);
            spectralA = spectral.of(w, offA);
        }
        this.w = w;
        this.offA = offA;
        this.offB = offB;
        this.tail = tail;
        deltaCount = 0;
        cachedU0 = Double.NaN;
        primed = false;
        if (tail) {
            normB = normA;
            spectralB = spectralA;
            normDelta = 0;
            roundOffDelta = 0;
            return;
        }
        double[] ref = spectral.referenceData();
        int refOff = spectral.referenceOff();
        boolean referenced = ref == w;
        boolean priming = start != null;
        double largestB = 0;
        double largestDelta = 0;
        double frobenius = 0;
        double drift = 0;
        for (int i = 0; i < rows; i++) {
            // per-row partial sums: independent chains (any summation order keeps the γ_n margins)
            double sumB = 0;
            double sumDelta = 0;
            double rowFrobenius = 0;
            double rowDrift = 0;
            double startProduct = 0;
            double startDelta = 0;
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                double a = w[offA + row + j];
                double b = w[offB + row + j];
                double e = b - a;
                delta[row + j] = e;
                if (priming) {
                    startProduct += a * start[j];
                    startDelta += e * start[j];
                }
                sumB += Math.abs(b);
                sumDelta += Math.abs(e);
                rowFrobenius += b * b;
                if (referenced) {
                    double r = b - ref[refOff + row + j];
                    rowDrift += r * r;
                }
            }
            frobenius += rowFrobenius;
            drift += rowDrift;
            initial[i] = startProduct;
            deltaProducts[0][i] = startDelta;
            largestB = Math.max(largestB, sumB);
            largestDelta = Math.max(largestDelta, sumDelta);
        }
        primed = priming;
        deltaCount = priming ? 1 : 0;
        normB = Interval.mulUp(largestB, rowSumMargin);
        // ||Δ|| <= (1 + u) ||Δ̃|| entrywise-derived: 4u covers it with a margin
        normDelta = Interval.mulUp(Interval.mulUp(largestDelta, rowSumMargin), 1 + 4 * RoundOff.U);
        roundOffDelta = Interval.mulUp(roundOff, normDelta);
        spectralB = spectral.fromSums(w, offB, frobenius, referenced ? drift : Double.NaN);
    }

    /** Upper bound of {@code ||A(u)||_∞} for every u in [0, 1] (a norm is convex along the segment). */
    double sup() {
        return Math.max(normA, normB);
    }

    /** Upper bound of {@code ||A(u)||_2} for every u in [0, 1]. */
    double spectralSup() {
        return Math.max(spectralA, spectralB);
    }

    /**
     * {@code out[outOff..) := ζ_[k]} from the coefficients {@code x_[j]} (at {@code j · stride} of x, ∞-norms
     * {@code xNorm[j]} and radii {@code xRad[j]} against the exact coefficients), for k = 0, 1, ... in order at one u0.
     * Returns an upper bound of {@code ||ζ_[k] - ζ*_[k]||_∞}, ζ* the exact product of the exact coefficients:
     * <pre>
     *   ||A_a|| e_k + ||Δ|| (u0 e_k + e_{k-1})  +  γ_{cols+6} (||A_a|| |x_k| + ||Δ̃|| (u0 |x_k| + |x_{k-1}|))
     * </pre>
     * (propagated radii, then the rounding of 3·cols products summed in any order, and Δ̃'s own rounding), evaluated
     * as one plain block ({@link RoundOff#blockUp}; its MIN_NORMAL also covers the products' underflow). The first
     * product of a substep at u0 = 0 is the one the knot pass formed when it was given the substep's start.
     */
    double apply(int k, double u0, double[] x, int stride, double[] xNorm, double[] xRad, double[] out, int outOff) {
        System.arraycopy(x, k * stride, column, 0, cols);
        if (primed && k == 0 && u0 == 0) {
            System.arraycopy(initial, 0, product, 0, rows);
        } else {
            Gemv.multiply(w, offA, rows, cols, column, product);
        }
        primed = false;
        if (!tail) {
            if (k >= 1 && deltaCount < k) {
                System.arraycopy(x, (k - 1) * stride, column, 0, cols);
                Gemv.multiply(delta, 0, rows, cols, column, deltaProducts[k - 1]);
                deltaCount = k;
                System.arraycopy(x, k * stride, column, 0, cols);
            }
            if (u0 != 0) {
                Gemv.multiply(delta, 0, rows, cols, column, deltaProducts[k]);
                deltaCount = k + 1;
                double[] dk = deltaProducts[k];
                for (int i = 0; i < rows; i++) {
                    product[i] += u0 * dk[i];
                }
            }
            if (k >= 1) {
                double[] previous = deltaProducts[k - 1];
                for (int i = 0; i < rows; i++) {
                    product[i] += previous[i];
                }
            }
        }
        System.arraycopy(product, 0, out, outOff, rows);
        if (!(u0 == cachedU0)) {
            cachedU0 = u0;
            alphaAt = Interval.addUp(normA, Interval.mulUp(normDelta, u0));
            roundOffAlphaAt = Interval.mulUp(roundOff, alphaAt);
        }
        double previousNorm = k >= 1 ? xNorm[k - 1] : 0;
        double previousRad = k >= 1 ? xRad[k - 1] : 0;
        // (||A_a|| + u0 ||Δ||) e_k + ||Δ|| e_{k-1} + γ ((||A_a|| + u0 ||Δ||) |x_k| + ||Δ̃|| |x_{k-1}|): a plain block
        return RoundOff.blockUp(alphaAt * xRad[k] + normDelta * previousRad
                + (roundOffAlphaAt * xNorm[k] + roundOffDelta * previousNorm), RADIUS_MARGIN);
    }
}
