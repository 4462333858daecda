package org.resnetode.claim;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.resnetode.model.Constants;
import org.resnetode.model.Norms;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;

/**
 * Audits the certified constants {@code L_x, L_θ, M} of Claim D's a-priori bound against values the residual function
 * attains (docs/derivations/claims.md section 8). At points {@code x = ρ v} of the ball of radius ρ, for every layer
 * θ_k of one network, the Jacobians' spectral norms {@code ||∂_x f(x, θ_k)||_2}, {@code ||∂_θ f(x, θ_k)||_2} (from the
 * family's vector-Jacobian products: the Gram matrix {@code J Jᵀ} by d products, its largest eigenvalue by a symmetric
 * eigen-decomposition, no SVD) and {@code ||f(x, θ_k)||} are lower bounds of the suprema the constants bound: a constant
 * below one is a violated bound. The direction v is searched for: alternately the best p for v (top eigenvector of
 * {@code J_θ J_θᵀ}) and the best v for p (top eigenvector of the quadratic form {@code v -> ||J_θ(ρ v)ᵀ p||² / ρ²},
 * polarised from d(d+1)/2 products). Where the family's L_x is attained at the origin ({@code ∂_x f(0, W) = W} for
 * {@code tanh(W x)}, tanh'(0) = 1, and for {@code A x}), L_x must also equal the largest attained value to round-off.
 */
final class DistanceConstantsAudit {
    /** Radii audited, as fractions of the network's ball radius R: R itself, and R/256 where tanh is unsaturated. */
    static final double[] RADIUS_FRACTIONS = {1, 1.0 / 256};
    /** An attained value may exceed its constant by this relative round-off (Gram products and eigenvalues, ~1e-15). */
    static final double ROUND_OFF = 1e-12;
    /** Where L_x is attained it may exceed the attained value by Norms' SVD margin 1e-10 and round-off: 1e-8 covers both. */
    static final double ATTAINED = 1e-8;
    /** Alternating steps of the direction search. */
    static final int SEARCH_STEPS = 3;

    private final ResidualFunction f;
    private final int d;
    private final int p;
    private final double[] gx;
    private final double[] gTheta;
    private final double[] work;
    private final double[] out;
    private final double[][] rows;

    DistanceConstantsAudit(ResidualFunction f) {
        this.f = f;
        this.d = f.dim();
        this.p = f.parameterCount();
        this.gx = new double[d];
        this.gTheta = new double[p];
        this.work = new double[Math.max(1, f.workSize())];
        this.out = new double[d];
        this.rows = new double[d][];
    }

    /** What the audit found: the largest attained value over the constant, per constant, and the attained L_x ratio. */
    record Audit(double lxRatio, double lThetaRatio, double mRatio, double lxAttainedRatio, String worst) {
    }

    /**
     * The largest ratio attained / constant over every layer of {@code weights} and every audited radius
     * {@code ρ = fraction · radius}, the constants being {@code f.constants(weights.maxNorms(f), ρ)}; and
     * {@code L_x / max_k ||∂_x f(0, θ_k)||} (NaN where L_x is not attained at the origin).
     */
    Audit audit(Weights weights, double radius) {
        double[] normBounds = weights.maxNorms(f);
        double[] ratios = new double[3];
        String worst = "";
        double worstRatio = -1;
        double[] x = new double[d];
        double lxAtOrigin = 0;
        for (double fraction : RADIUS_FRACTIONS) {
            double rho = fraction * radius;
            Constants c = f.constants(normBounds, rho);
            for (int k = 0; k < weights.count(); k++) {
                int off = weights.offset(k);
                Arrays.fill(x, 0);
                double jx0 = jacobianNorm(weights.data(), off, x, true);
                lxAtOrigin = Math.max(lxAtOrigin, jx0);
                double[] v = searchParameterDirection(weights.data(), off, rho);
                double[] attained = new double[3];
                for (int i = 0; i < d; i++) {
                    x[i] = rho * v[i];
                }
                attained[0] = Math.max(jx0, jacobianNorm(weights.data(), off, x, true));
                attained[1] = jacobianNorm(weights.data(), off, x, false);
                attained[2] = valueNorm(weights.data(), off, x);
                double[] top = topEigenvector(gram(weights.data(), off, new double[d], true));
                for (int i = 0; i < d; i++) {
                    x[i] = rho * top[i];
                }
                attained[2] = Math.max(attained[2], valueNorm(weights.data(), off, x));
                double[] constant = {c.lx(), c.lTheta(), c.m()};
                for (int j = 0; j < 3; j++) {
                    double r = attained[j] / constant[j];
                    if (constant[j] == 0) {
                        r = attained[j] == 0 ? 0 : Double.POSITIVE_INFINITY;
                    }
                    ratios[j] = Math.max(ratios[j], r);
                    if (r > worstRatio) {
                        worstRatio = r;
                        worst = String.format(Locale.ROOT, "%s at layer %d, radius %.4g: attained %.6g, constant %.6g",
                                new String[] {"L_x", "L_θ", "M"}[j], k, rho, attained[j], constant[j]);
                    }
                }
            }
        }
        double lxAttained = attainedAtOrigin(f) ? f.constants(normBounds, radius).lx() / lxAtOrigin : Double.NaN;
        return new Audit(ratios[0], ratios[1], ratios[2], lxAttained, worst);
    }

    /**
     * Judges the audit of the deepest accepted row's network (weights from {@code network}), through {@code policy}: no
     * attained value above its constant (beyond {@link #ROUND_OFF}), and where L_x is attained at the origin
     * {@code L_x / max_k ||∂_x f(0, θ_k)||} in {@code [1 - ROUND_OFF, 1 + ATTAINED]}. Records nothing without such a row.
     */
    static void judge(ResidualFunction f, org.resnetode.model.DepthProfile network, org.resnetode.scheme.Scheme scheme,
                      java.util.List<DistanceMeasurement> ms, VerdictPolicy policy) {
        DistanceMeasurement deepest = null;
        for (DistanceMeasurement m : ms) {
            if (m.accepted() && Double.isFinite(m.radius()) && (deepest == null || m.depth() > deepest.depth())) {
                deepest = m;
            }
        }
        if (deepest == null) {
            return;
        }
        int n = deepest.depth();
        Audit a = new DistanceConstantsAudit(f).audit(Weights.sample(network, scheme.weightCount(n), n), deepest.radius());
        policy.band(String.format(Locale.ROOT, "certified constants of the bound against values attained in the ball (N=%d, "
                        + "every layer, radii R and R/256; L_x %.6g, L_θ %.6g, M %.6g of their constants; largest: %s): "
                        + "largest attained / constant", n, a.lxRatio(), a.lThetaRatio(), a.mRatio(), a.worst()),
                Math.max(a.lxRatio(), Math.max(a.lThetaRatio(), a.mRatio())), 0, 1 + ROUND_OFF, 0, Double.NaN, 0);
        if (!Double.isNaN(a.lxAttainedRatio())) {
            policy.band(String.format(Locale.ROOT, "L_x against its value attained at the origin, max_k ||∂_x f(0, θ_k)||_2 "
                    + "(N=%d): ratio", n), a.lxAttainedRatio(), 1 - ROUND_OFF, 1 + ATTAINED, 0, Double.NaN, 0);
        }
    }

    /** Families whose L_x = max_k ||W_k||_2 is {@code ||∂_x f(0, θ_k)||_2} at the origin: tanh(W x) and A x. */
    static boolean attainedAtOrigin(ResidualFunction f) {
        return f.name().equals("tanh") || f.name().equals("linear");
    }

    /** {@code ||∂_x f(x, θ)||_2} (inX) or {@code ||∂_θ f(x, θ)||_2}: the root of the largest eigenvalue of {@code J Jᵀ}. */
    double jacobianNorm(double[] theta, int off, double[] x, boolean inX) {
        double[][] g = gram(theta, off, x, inX);
        double lambda = Arrays.stream(new EigenDecomposition(new Array2DRowRealMatrix(g, false)).getRealEigenvalues())
                .max().orElse(0);
        return Math.sqrt(Math.max(0, lambda));
    }

    /** {@code (J Jᵀ)_{ij} = <Jᵀ e_i, Jᵀ e_j>}, each row {@code Jᵀ e_i} one vector-Jacobian product. */
    double[][] gram(double[] theta, int off, double[] x, boolean inX) {
        double[] e = new double[d];
        for (int i = 0; i < d; i++) {
            e[i] = 1;
            vjp(theta, off, x, e);
            rows[i] = (inX ? gx : gTheta).clone();
            e[i] = 0;
        }
        double[][] g = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int l = 0; l < rows[i].length; l++) {
                    s += rows[i][l] * rows[j][l];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    /**
     * A unit direction v making {@code ||∂_θ f(ρ v, θ)||_2} large: from v = e_1, alternately p = top eigenvector of
     * {@code J_θ(ρv) J_θ(ρv)ᵀ}, then v = top eigenvector of {@code S_{ij} = (Q(e_i + e_j) - Q(e_i) - Q(e_j)) / 2} with
     * {@code Q(u) = ||J_θ(ρ u)ᵀ p||²} (S is exact when Q is quadratic in u, as at radii where f is linear in x).
     */
    double[] searchParameterDirection(double[] theta, int off, double rho) {
        double[] v = new double[d];
        v[0] = 1;
        double[] x = new double[d];
        for (int step = 0; step < SEARCH_STEPS; step++) {
            for (int i = 0; i < d; i++) {
                x[i] = rho * v[i];
            }
            double[] pTop = topEigenvector(gram(theta, off, x, false));
            double[] q = new double[d];
            for (int i = 0; i < d; i++) {
                q[i] = quadratic(theta, off, rho, i, -1, pTop);
            }
            double[][] s = new double[d][d];
            for (int i = 0; i < d; i++) {
                s[i][i] = q[i];
                for (int j = 0; j < i; j++) {
                    double qij = quadratic(theta, off, rho, i, j, pTop);
                    s[i][j] = (qij - q[i] - q[j]) / 2;
                    s[j][i] = s[i][j];
                }
            }
            v = topEigenvector(s);
        }
        return v;
    }

    /** {@code ||J_θ(ρ (e_i + e_j))ᵀ p||²} (j < 0: {@code ρ e_i} alone). */
    private double quadratic(double[] theta, int off, double rho, int i, int j, double[] pDir) {
        double[] x = new double[d];
        x[i] = rho;
        if (j >= 0) {
            x[j] = rho;
        }
        vjp(theta, off, x, pDir);
        double s = 0;
        for (double g : gTheta) {
            s += g * g;
        }
        return s;
    }

    /** {@code ||f(x, θ)||}. */
    private double valueNorm(double[] theta, int off, double[] x) {
        f.value(theta, off, x, out, work);
        return Norms.euclidean(out);
    }

    /** {@code gx = ∂_x f(x, θ)ᵀ p} and {@code gTheta = ∂_θ f(x, θ)ᵀ p} (the family accumulates into zeroed buffers). */
    private void vjp(double[] theta, int off, double[] x, double[] pDir) {
        Arrays.fill(gx, 0);
        Arrays.fill(gTheta, 0);
        f.vjp(theta, off, x, pDir, gx, gTheta, 0, work);
    }

    /** The unit eigenvector of the largest eigenvalue of a symmetric matrix. */
    static double[] topEigenvector(double[][] s) {
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(s, false));
        double[] values = e.getRealEigenvalues();
        int top = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
        }
        return e.getEigenvector(top).unitVector().toArray();
    }
}
