package org.resnetode.linalg;

/**
 * tanh from IEEE-754 additions, multiplications, fused multiply-adds and one division only, so that the scalar
 * and the Vector API kernels compute it with the same rounded operations and agree to the last bit (the Vector
 * API's own TANH does not: compiled it is Intel SVML, interpreted it falls back to {@link Math#tanh}, so its bits
 * would depend on the JIT's state). Accuracy: a few ulps (tested against {@link Math#tanh} to 1e-14 relative).
 *
 * <p>{@code tanh(x) = sign(x) · (-m / (2 + m))} with {@code m = expm1(-2|x|)}; {@code expm1(y) = 2^k expm1(r) + (2^k - 1)}
 * with {@code y = k ln2 + r}, {@code |r| <= ln2 / 2} (k rounded to nearest by the 1.5·2^52 trick, which also leaves
 * k in the low bits of the sum), {@code expm1(r)} its Taylor polynomial to degree 13 (truncation below 2e-17
 * relative); {@code tanh = ±1} for {@code |x| > 22}, where {@code 1 - tanh < 2^-63}.
 */
final class Tanh {
    /** 1.5 · 2^52: adding it rounds a double of magnitude below 2^51 to an integer, held in the low mantissa bits. */
    static final double ROUNDER = 0x1.8p52;
    static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);
    static final double INV_LN2 = 0x1.71547652b82fep0;
    /** ln 2 split in two (Cody and Waite): k · LN2_HI is exact for |k| < 2^11. */
    static final double LN2_HI = 0x1.62e42fee00000p-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    static final double SATURATION = 22;
    /** 1/n! for n = 13 down to 2: the Horner coefficients of (expm1(r) - r) / r². */
    static final double[] TAYLOR = inverseFactorials();

    private Tanh() {
    }

    private static double[] inverseFactorials() {
        double[] c = new double[12];
        for (int i = 0; i < 12; i++) {
            int n = 13 - i;
            double factorial = 1;
            for (int j = 2; j <= n; j++) {
                factorial *= j;
            }
            c[i] = 1 / factorial;
        }
        return c;
    }

    /** The scalar form; {@link VectorKernel#tanh} performs the same operations lane by lane. */
    static double of(double x) {
        double y = -2 * Math.abs(x);
        double s = Math.fma(y, INV_LN2, ROUNDER);
        double k = s - ROUNDER;
        double r = Math.fma(-k, LN2_HI, y);
        r = Math.fma(-k, LN2_LO, r);
        double q = TAYLOR[0];
        for (int i = 1; i < TAYLOR.length; i++) {
            q = Math.fma(q, r, TAYLOR[i]);
        }
        double p = Math.fma(r * r, q, r);
        double twoK = Double.longBitsToDouble((Double.doubleToRawLongBits(s) - ROUNDER_BITS + 1023) << 52);
        double m = Math.fma(twoK, p, twoK - 1);
        double t = -m / (2 + m);
        if (Math.abs(x) > SATURATION) {
            t = 1;
        }
        return x < 0 ? -t : t;
    }
}
