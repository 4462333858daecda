package org.resnetode.claim;

import java.util.Map;

/**
 * Kloeden and Rosa's published table (arXiv 2306.15418, supplementary table "taborderdepHfBm"; code
 * rmsrosa/rode_convergence_euler): the strong order p of Euler on {@code dX/dt = -X + B^H_t}, X_0 ~ N(0, 1), N = 2^6..2^9,
 * target on 2^18 points, with the 95% interval {@code [p_min, p_max]} of their construction. Keys are H.
 */
public final class RoughnessKloedenRosa {
    /** H to {p, p_min, p_max}. */
    public static final Map<Double, double[]> TABLE = Map.of(
            0.1, new double[] {0.640103, 0.582705, 0.697128},
            0.2, new double[] {0.742881, 0.681001, 0.804453},
            0.3, new double[] {0.794755, 0.735716, 0.853437},
            0.4, new double[] {0.921899, 0.865631, 0.978194},
            0.5, new double[] {1.00777, 0.94886, 1.06662},
            0.7, new double[] {1.00637, 0.945425, 1.06735},
            0.9, new double[] {1.00559, 0.94014, 1.07104});

    private RoughnessKloedenRosa() {
    }

    /** Their row at H, or null. */
    public static double[] at(double hurst) {
        return TABLE.get(hurst);
    }
}
