package org.resnetode.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.resnetode.scheme.ButcherTableau;

/**
 * The spectrum of a rational matrix A and {@code e^{tA}} in closed form, for {@link LinearTrajectory}. The eigenvalues
 * are the roots of the exact characteristic polynomial (Faddeev-LeVerrier in rationals) factored by Symja's
 * {@code Factor} over the rationals: factors of degree 1 and 2 are solved exactly, a factor of degree 3 or more has no
 * closed form here and fails naming it. Symja's own {@code Eigenvalues} leaves block-diagonal 4×4 matrices
 * unevaluated and answers generic ones in floating point, and its {@code Solve} drops repeated roots.
 */
final class MatrixSpectrum {
    private MatrixSpectrum() {
    }

    /**
     * {@code e^{tA}} as a Symja matrix in t from the eigenvalues: Sylvester's formula when they are distinct, the
     * nilpotent series when there is one eigenvalue, Putzer's formula otherwise.
     */
    static String exponential(String matrix, String eigenvalues, int d) {
        String distinct = SymbolicEngine.eval("Length(Union(" + eigenvalues + "))");
        String identity = "IdentityMatrix(" + d + ")";
        if (distinct.equals(Integer.toString(d))) {
            StringBuilder sum = new StringBuilder();
            for (int i = 1; i <= d; i++) {
                StringBuilder product = new StringBuilder("Exp(t*" + eigenvalues + "[[" + i + "]])*" + identity);
                for (int j = 1; j <= d; j++) {
                    if (j != i) {
                        product.append(".((").append(matrix).append("-").append(eigenvalues).append("[[").append(j).append("]]*")
                                .append(identity).append(")/(").append(eigenvalues).append("[[").append(i).append("]]-")
                                .append(eigenvalues).append("[[").append(j).append("]]))");
                    }
                }
                sum.append(i == 1 ? "" : "+").append(product);
            }
            return SymbolicEngine.eval(sum.toString());
        }
        if (distinct.equals("1")) {
            String n = "(" + matrix + "-" + eigenvalues + "[[1]]*" + identity + ")";
            return SymbolicEngine.eval("Exp(t*" + eigenvalues + "[[1]])*Sum(t^k/k!*MatrixPower(" + n + ", k), {k, 0, " + (d - 1) + "})");
        }
        return putzer(matrix, eigenvalues, d);
    }

    /**
     * Putzer's formula {@code e^{tA} = Σ_{j=1}^{d} r_j(t) P_{j-1}}, {@code P_0 = I}, {@code P_j = P_{j-1} (A - λ_j)}, with
     * {@code r_j} the divided difference of {@code λ -> e^{tλ}} over λ_1..λ_j (equal eigenvalues adjacent, as
     * {@link #eigenvalues} lists them).
     */
    private static String putzer(String matrix, String eigenvalues, int d) {
        String identity = "IdentityMatrix(" + d + ")";
        String[] lambda = new String[d];
        for (int i = 0; i < d; i++) {
            lambda[i] = SymbolicEngine.eval(eigenvalues + "[[" + (i + 1) + "]]");
        }
        StringBuilder sum = new StringBuilder();
        String p = identity;
        for (int j = 1; j <= d; j++) {
            sum.append(j == 1 ? "" : "+").append("(").append(dividedDifference(lambda, 0, j - 1)).append(")*").append(p);
            String shifted = SymbolicEngine.eval(matrix + "-(" + lambda[j - 1] + ")*" + identity);
            p = SymbolicEngine.eval("Table(Sum((" + SymbolicEngine.eval(p) + ")[[i,k]]*(" + shifted + ")[[k,l]], {k,1," + d + "}), {i,1,"
                    + d + "}, {l,1," + d + "})");
        }
        return SymbolicEngine.eval(sum.toString());
    }

    /**
     * {@code M v} entry by entry, {@code (M v)_i = Σ_k M_ik v_k}, M and v evaluated lists: Symja's {@code Dot} stays
     * unevaluated for some 4×4 matrices with entries in Sqrt(33) and E^t.
     */
    static String times(String m, String v, int d) {
        return "Table(Sum((" + m + ")[[i,k]]*(" + v + ")[[k]], {k,1," + d + "}), {i,1," + d + "})";
    }

    /**
     * {@code e^{tλ}[λ_i..λ_j]}: {@code t^m e^{tλ}/m!} when the m + 1 values are equal (the m-th derivative over m!),
     * otherwise {@code (e^{tλ}[λ_{i+1}..λ_j] - e^{tλ}[λ_i..λ_{j-1}]) / (λ_j - λ_i)}.
     */
    static String dividedDifference(String[] lambda, int i, int j) {
        boolean equal = true;
        for (int k = i + 1; k <= j; k++) {
            equal &= lambda[k].equals(lambda[i]);
        }
        if (equal) {
            return "t^" + (j - i) + "*Exp(t*(" + lambda[i] + "))/" + (j - i) + "!";
        }
        return "((" + dividedDifference(lambda, i + 1, j) + ")-(" + dividedDifference(lambda, i, j - 1) + "))/((" + lambda[j] + ")-("
                + lambda[i] + "))";
    }

    /**
     * The eigenvalues of A with multiplicity, equal ones adjacent, as a Symja list: the characteristic polynomial
     * exactly, {@code Factor} over the rationals, then each factor's roots (degree 1: {@code -c_0/c_1}; degree 2:
     * {@code (-c_1 ∓ Sqrt(c_1² - 4 c_2 c_0))/(2 c_2)}) repeated by its power.
     *
     * @throws IllegalStateException for a factor of degree 3 or more
     */
    static String eigenvalues(BigFraction[][] a) {
        BigFraction[] c = characteristicPolynomial(a);
        StringBuilder poly = new StringBuilder("0");
        for (int k = 0; k < c.length; k++) {
            poly.append("+(").append(ButcherTableau.text(c[k])).append(")*x^").append(k);
        }
        String factored = SymbolicEngine.eval("Factor(" + poly + ")");
        String factors = SymbolicEngine.eval("If(Head(" + factored + ")===Times, Apply(List, " + factored + "), {" + factored + "})");
        int count = Integer.parseInt(SymbolicEngine.eval("Length(" + factors + ")"));
        List<String> roots = new ArrayList<>();
        for (int f = 1; f <= count; f++) {
            String factor = SymbolicEngine.eval(factors + "[[" + f + "]]");
            if (SymbolicEngine.eval("FreeQ(" + factor + ", x)").equals("True")) {
                continue;
            }
            boolean power = SymbolicEngine.eval("Head(" + factor + ")===Power").equals("True");
            String base = power ? SymbolicEngine.eval("(" + factor + ")[[1]]") : factor;
            int multiplicity = power ? Integer.parseInt(SymbolicEngine.eval("(" + factor + ")[[2]]")) : 1;
            String coefficients = SymbolicEngine.eval("CoefficientList(" + base + ", x)");
            int degree = Integer.parseInt(SymbolicEngine.eval("Length(" + coefficients + ")")) - 1;
            List<String> baseRoots = new ArrayList<>();
            String c0 = "(" + coefficients + "[[1]])";
            String c1 = "(" + coefficients + "[[2]])";
            if (degree == 1) {
                baseRoots.add(SymbolicEngine.eval("-" + c0 + "/" + c1));
            } else if (degree == 2) {
                String c2 = "(" + coefficients + "[[3]])";
                String root = "Sqrt(" + c1 + "^2-4*" + c2 + "*" + c0 + ")";
                baseRoots.add(SymbolicEngine.eval("Simplify((-" + c1 + "-" + root + ")/(2*" + c2 + "))"));
                baseRoots.add(SymbolicEngine.eval("Simplify((-" + c1 + "+" + root + ")/(2*" + c2 + "))"));
            } else {
                throw new IllegalStateException("the characteristic polynomial " + factored + " has the factor " + base
                        + " of degree " + degree + " over the rationals: its roots have no closed form here (degree <= 2 only)");
            }
            for (String r : baseRoots) {
                for (int m = 0; m < multiplicity; m++) {
                    roots.add(r);
                }
            }
        }
        return "{" + String.join(",", roots) + "}";
    }

    /**
     * {@code det(x I - A) = Σ_k c_k x^k} exactly (Faddeev-LeVerrier): {@code M_0 = 0}, {@code c_d = 1},
     * {@code M_k = A M_{k-1} + c_{d-k+1} I}, {@code c_{d-k} = -tr(A M_k)/k}.
     */
    static BigFraction[] characteristicPolynomial(BigFraction[][] a) {
        int d = a.length;
        BigFraction[] c = new BigFraction[d + 1];
        c[d] = BigFraction.ONE;
        BigFraction[][] m = new BigFraction[d][d];
        for (BigFraction[] row : m) {
            java.util.Arrays.fill(row, BigFraction.ZERO);
        }
        for (int k = 1; k <= d; k++) {
            BigFraction[][] next = new BigFraction[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    BigFraction v = i == j ? c[d - k + 1] : BigFraction.ZERO;
                    for (int l = 0; l < d; l++) {
                        v = v.add(a[i][l].multiply(m[l][j]));
                    }
                    next[i][j] = v;
                }
            }
            m = next;
            BigFraction trace = BigFraction.ZERO;
            for (int i = 0; i < d; i++) {
                for (int l = 0; l < d; l++) {
                    trace = trace.add(a[i][l].multiply(m[l][i]));
                }
            }
            c[d - k] = trace.divide(k).negate();
        }
        return c;
    }
}
