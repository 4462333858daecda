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
    private final double[] product;
    private final double[] column;
    /** {@code A_a x_[0]} from {@link #knots(double[], int, int, boolean, double[])}, valid while {@link #primed}. */
    private final double[] initial;
    private boolean primed;
    /** The x_[0] of the products when the knot pass is not given one (they are then not used). */
    private final double[] zeroStart;
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
        this.product = new double[rows];
        this.column = new double[cols];
        this.initial = new double[rows];
        this.zeroStart = new double[cols];
        this.roundOff = RoundOff.gamma(cols + 6);
        this.rowSumMargin = 1 + 2 * RoundOff.gamma(cols);
        this.spectral = new SpectralBound(rows, cols);
    }

    /**
     * The block at {@code offA} and {@code offB} of {@code w}; on the tail (after the last knot) Δ = 0. One pass over
     * A_a and A_b forms Δ̃, the row sums of {@code |A_b|} and {@code |Δ̃|}, {@code Σ A_b²} and {@code Σ Δ̃²} (A_b's
     * Frobenius norm and the step of {@link SpectralBound}'s drift, {@link SpectralBound#following}); A_a's norms are the previous interval's A_b norms
     * when the intervals follow each other (else A_a gets a pass of its own).
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
        // Δ̃ = fl(A_b - A_a), the row sums of |A_b| and |Δ̃|, Σ A_b² and Σ Δ̃² (the spectral bound) and, when priming,
        // A_a x_[0] and Δ̃ x_[0]: two rows at a time, one partial sum per row and quantity (independent chains of fused
        // multiply-adds; any summation order, fused or not, keeps the γ_n margins)
        double[] x = start == null ? zeroStart : start;
        double largestB = 0;
        double largestDelta = 0;
        double squares = 0;
        double frobenius = 0;
        int i = 0;
        for (; i + 2 <= rows; i += 2) {
            int r0 = i * cols;
            int r1 = r0 + cols;
            double sumB0 = 0;
            double sumB1 = 0;
            double sumDelta0 = 0;
            double sumDelta1 = 0;
            double squares0 = 0;
            double squares1 = 0;
            double frobenius0 = 0;
            double frobenius1 = 0;
            double product0 = 0;
            double product1 = 0;
            double deltaProduct0 = 0;
            double deltaProduct1 = 0;
            for (int j = 0; j < cols; j++) {
                double xj = x[j];
                double a = w[offA + r0 + j];
                double b = w[offB + r0 + j];
                double c = w[offA + r1 + j];
                double g = w[offB + r1 + j];
                double e = b - a;
                double f = g - c;
                delta[r0 + j] = e;
                delta[r1 + j] = f;
                product0 = Math.fma(a, xj, product0);
                product1 = Math.fma(c, xj, product1);
                deltaProduct0 = Math.fma(e, xj, deltaProduct0);
                deltaProduct1 = Math.fma(f, xj, deltaProduct1);
                sumB0 += Math.abs(b);
                sumB1 += Math.abs(g);
                sumDelta0 += Math.abs(e);
                sumDelta1 += Math.abs(f);
                squares0 = Math.fma(e, e, squares0);
                squares1 = Math.fma(f, f, squares1);
                frobenius0 = Math.fma(b, b, frobenius0);
                frobenius1 = Math.fma(g, g, frobenius1);
            }
            squares += squares0 + squares1;
            frobenius += frobenius0 + frobenius1;
            initial[i] = product0;
            initial[i + 1] = product1;
            deltaProducts[0][i] = deltaProduct0;
            deltaProducts[0][i + 1] = deltaProduct1;
            largestB = Math.max(largestB, Math.max(sumB0, sumB1));
            largestDelta = Math.max(largestDelta, Math.max(sumDelta0, sumDelta1));
        }
        if (i < rows) {
            int r0 = i * cols;
            double sumB0 = 0;
            double sumDelta0 = 0;
            double squares0 = 0;
            double frobenius0 = 0;
            double product0 = 0;
            double deltaProduct0 = 0;
            for (int j = 0; j < cols; j++) {
                double xj = x[j];
                double a = w[offA + r0 + j];
                double b = w[offB + r0 + j];
                double e = b - a;
                delta[r0 + j] = e;
                product0 = Math.fma(a, xj, product0);
                deltaProduct0 = Math.fma(e, xj, deltaProduct0);
                sumB0 += Math.abs(b);
                sumDelta0 += Math.abs(e);
                squares0 = Math.fma(e, e, squares0);
                frobenius0 = Math.fma(b, b, frobenius0);
            }
            squares += squares0;
            frobenius += frobenius0;
            initial[i] = product0;
            deltaProducts[0][i] = deltaProduct0;
            largestB = Math.max(largestB, sumB0);
            largestDelta = Math.max(largestDelta, sumDelta0);
        }
        primed = start != null;
        deltaCount = primed ? 1 : 0;
        normB = Interval.mulUp(largestB, rowSumMargin);
        // ||Δ|| <= (1 + u) ||Δ̃|| entrywise-derived: 4u covers it with a margin
        normDelta = Interval.mulUp(Interval.mulUp(largestDelta, rowSumMargin), 1 + 4 * RoundOff.U);
        roundOffDelta = Interval.mulUp(roundOff, normDelta);
        spectralB = spectral.following(w, offB, frobenius, spectral.stepNorm(squares));
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
        int current = k * stride;
        if (primed && k == 0 && u0 == 0) {
            System.arraycopy(initial, 0, out, outOff, rows);
        } else if (tail || (k == 0 && u0 == 0)) {
            // ζ_[k] = A_a x_[k]
            multiply(w, offA, x, current, product);
            System.arraycopy(product, 0, out, outOff, rows);
        } else if (u0 != 0) {
            if (k >= 1 && deltaCount < k) {
                // Δ̃ x_[k-1], not formed at order k - 1 (only when the orders came without it)
                multiply(delta, 0, x, current - stride, deltaProducts[k - 1]);
            }
            // A_a x_[k] and Δ̃ x_[k] (kept for order k + 1) in one pass
            products(x, current, current, product, deltaProducts[k]);
            double[] dk = deltaProducts[k];
            if (k >= 1) {
                double[] previous = deltaProducts[k - 1];
                for (int i = 0; i < rows; i++) {
                    out[outOff + i] = product[i] + u0 * dk[i] + previous[i];
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    out[outOff + i] = product[i] + u0 * dk[i];
                }
            }
            deltaCount = k + 1;
        } else {
            double[] previous = deltaProducts[k - 1];
            if (deltaCount < k) {
                // A_a x_[k] and Δ̃ x_[k-1] in one pass
                products(x, current, current - stride, product, previous);
                deltaCount = k;
            } else {
                multiply(w, offA, x, current, product);
            }
            for (int i = 0; i < rows; i++) {
                out[outOff + i] = product[i] + previous[i];
            }
        }
        primed = false;
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

    /**
     * {@code a := A_a x[xa..xa+cols)} and {@code δ := Δ̃ x[xd..xd+cols)} in one pass over the rows, reading x in place:
     * four rows at a time, two partial sums per row and matrix (even and odd columns: sixteen independent chains of fused
     * multiply-adds; any summation order, fused or not, keeps the γ_cols of each product).
     */
    private void products(double[] x, int xa, int xd, double[] a, double[] delta) {
        double[] m = w;
        double[] e = this.delta;
        int pairs = cols & ~1;
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int r0 = i * cols;
            int r1 = r0 + cols;
            int r2 = r1 + cols;
            int r3 = r2 + cols;
            int s0 = offA + r0;
            int s1 = offA + r1;
            int s2 = offA + r2;
            int s3 = offA + r3;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            double f0 = 0, f1 = 0, f2 = 0, f3 = 0;
            int j = 0;
            for (; j < pairs; j += 2) {
                double p = x[xa + j];
                double q = x[xd + j];
                double p1 = x[xa + j + 1];
                double q1 = x[xd + j + 1];
                a0 = Math.fma(m[s0 + j], p, a0);
                a1 = Math.fma(m[s1 + j], p, a1);
                a2 = Math.fma(m[s2 + j], p, a2);
                a3 = Math.fma(m[s3 + j], p, a3);
                b0 = Math.fma(m[s0 + j + 1], p1, b0);
                b1 = Math.fma(m[s1 + j + 1], p1, b1);
                b2 = Math.fma(m[s2 + j + 1], p1, b2);
                b3 = Math.fma(m[s3 + j + 1], p1, b3);
                d0 = Math.fma(e[r0 + j], q, d0);
                d1 = Math.fma(e[r1 + j], q, d1);
                d2 = Math.fma(e[r2 + j], q, d2);
                d3 = Math.fma(e[r3 + j], q, d3);
                f0 = Math.fma(e[r0 + j + 1], q1, f0);
                f1 = Math.fma(e[r1 + j + 1], q1, f1);
                f2 = Math.fma(e[r2 + j + 1], q1, f2);
                f3 = Math.fma(e[r3 + j + 1], q1, f3);
            }
            if (j < cols) {
                double p = x[xa + j];
                double q = x[xd + j];
                a0 = Math.fma(m[s0 + j], p, a0);
                a1 = Math.fma(m[s1 + j], p, a1);
                a2 = Math.fma(m[s2 + j], p, a2);
                a3 = Math.fma(m[s3 + j], p, a3);
                d0 = Math.fma(e[r0 + j], q, d0);
                d1 = Math.fma(e[r1 + j], q, d1);
                d2 = Math.fma(e[r2 + j], q, d2);
                d3 = Math.fma(e[r3 + j], q, d3);
            }
            a0 += b0;
            a1 += b1;
            a2 += b2;
            a3 += b3;
            d0 += f0;
            d1 += f1;
            d2 += f2;
            d3 += f3;
            a[i] = a0;
            a[i + 1] = a1;
            a[i + 2] = a2;
            a[i + 3] = a3;
            delta[i] = d0;
            delta[i + 1] = d1;
            delta[i + 2] = d2;
            delta[i + 3] = d3;
        }
        for (; i < rows; i++) {
            int r = i * cols;
            int s = offA + r;
            double ai = 0;
            double di = 0;
            for (int j = 0; j < cols; j++) {
                ai = Math.fma(m[s + j], x[xa + j], ai);
                di = Math.fma(e[r + j], x[xd + j], di);
            }
            a[i] = ai;
            delta[i] = di;
        }
    }

    /** {@code out := M x[xOff..xOff+cols)} for the block M at {@code mOff} of m: linalg's product, from the column copied to offset 0. */
    private void multiply(double[] m, int mOff, double[] x, int xOff, double[] out) {
        System.arraycopy(x, xOff, column, 0, cols);
        Gemv.multiply(m, mOff, rows, cols, column, out);
    }
}
