package org.resnetode.model;

import org.resnetode.linalg.Elementwise;
import org.resnetode.linalg.Gemv;

/** Elementwise maps of the batched families, in place on the first n entries of a block. */
final class Activations {
    private Activations() {
    }

    /** {@code z <- tanh(z)} on one sample's entries (plain Java: {@link Gemv#tanh}). */
    static void sampleTanh(double[] z, int n) {
        Gemv.tanh(z, 0, n);
    }

    /** {@code z <- p ⊙ (1 - tanh²(z))} on one sample's entries. */
    static void sampleTanhDerivativeTimes(double[] z, double[] p, int n) {
        Gemv.tanh(z, 0, n);
        derivativeFromTanh(z, p, n);
    }

    /** {@code z <- tanh(z)}. */
    static void tanh(double[] z, int n) {
        tanh(z, 0, n);
    }

    /** {@code z[off..off+n) <- tanh(z[off..off+n))}. */
    static void tanh(double[] z, int off, int n) {
        Elementwise.tanh(z, off, n);
    }

    /** {@code z <- p ⊙ (1 - tanh²(z))}. */
    static void tanhDerivativeTimes(double[] z, double[] p, int n) {
        Elementwise.tanh(z, 0, n);
        derivativeFromTanh(z, p, n);
    }

    /** {@code z <- p ⊙ (1 - z²)}, z holding tanh values. */
    private static void derivativeFromTanh(double[] z, double[] p, int n) {
        for (int i = 0; i < n; i++) {
            z[i] = p[i] * (1 - z[i] * z[i]);
        }
    }

    /** {@code v[vOff..vOff+n) <- v ⊙ (1 - u²)} with u at {@code u[uOff..uOff+n)}. */
    static void oneMinusSquareTimes(double[] u, int uOff, double[] v, int vOff, int n) {
        for (int i = 0; i < n; i++) {
            double ui = u[uOff + i];
            v[vOff + i] *= 1 - ui * ui;
        }
    }
}
