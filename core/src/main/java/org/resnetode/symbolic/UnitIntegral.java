package org.resnetode.symbolic;

/**
 * {@code ∫_0^1 f(t) dt} in closed form for f a polynomial in t, sin and cos of linear functions of t (a trigonometric
 * polynomial times powers of t), without Symja's {@code Integrate}: that takes seconds per term of such an integrand
 * and runs past a minute on the error terms of fourth-order tableaux with {@code a(t) = 1 + sin(2 pi t)/2}.
 *
 * <p>{@code TrigReduce} and {@code ExpandAll} turn f into a sum of terms {@code c t^p}, {@code c t^p cos(u)} and
 * {@code c t^p sin(u)} with {@code u = w t + f}, and each term is replaced by its integral over [0, 1] (a rule that
 * matches the whole term, never a part of it): {@code ∫ c t^p = c/(p+1)} and, with
 * {@code G_m(t) = cos(w t + f - m pi/2) / w^m} the m-th antiderivative of {@code cos(w t + f)} and integration by
 * parts p times,
 *
 * <pre>
 *   ∫_0^1 t^p cos(w t + f) dt = Σ_{k=0}^{p} (-1)^k p!/(p-k)! G_{k+1}(1) - (-1)^p p! G_{p+1}(0),
 * </pre>
 *
 * sin(u) being cos(u - pi/2). A term of another shape (sin(t²), a product left unreduced, ...) leaves t in the
 * result: then Symja's {@code Integrate} is asked instead, under the engine's time limit. Callers check the result
 * against quadrature.
 */
final class UnitIntegral {
    /** u is {@code w t + f} with w free of t. */
    private static final String LINEAR = "PolynomialQ(u,t) && Exponent(u,t)==1";

    /** The integral of one whole term; a term matching none of the rules is returned unchanged. */
    private static final String RULES = "{"
            + rule("t^p_.*Cos(u_)", "IntegerQ(p) && p>=1", "p", 0) + ","
            + rule("Cos(u_)", "True", "0", 0) + ","
            + rule("t^p_.*Sin(u_)", "IntegerQ(p) && p>=1", "p", 1) + ","
            + rule("Sin(u_)", "True", "0", 1) + ","
            + "c_.*t^p_. /; FreeQ(c,t) && IntegerQ(p) && p>=1 :> c/(p+1),"
            + "c_ /; FreeQ(c,t) :> c}";

    /** The rule for {@code c pattern} with u linear: {@code ∫_0^1 c t^p cos(w t + f - s pi/2) dt}, w and f read off u. */
    private static String rule(String pattern, String condition, String p, int s) {
        String w = "Coefficient(u,t,1)";
        String f = "Coefficient(u,t,0)";
        return "c_.*" + pattern + " /; FreeQ(c,t) && " + condition + " && " + LINEAR + " :> c*(Sum((-1)^k*" + p + "!/(" + p
                + "-k)!*Cos(" + w + "+" + f + "-(k+1+" + s + ")*Pi/2)/(" + w + ")^(k+1),{k,0," + p + "}) - (-1)^" + p + "*" + p
                + "!*Cos(" + f + "-(" + p + "+1+" + s + ")*Pi/2)/(" + w + ")^(" + p + "+1))";
    }

    private UnitIntegral() {
    }

    /** {@code ∫_0^1 integrand dt}, integrand a Symja expression in t; the result is free of t. */
    static String of(String integrand) {
        String sum = SymbolicEngine.eval("ExpandAll(TrigReduce(" + integrand + "))");
        String termwise = SymbolicEngine.eval("Total(Map(Function(Replace(#, " + RULES + ")), If(Head(" + sum + ")===Plus, Apply(List, "
                + sum + "), {" + sum + "})))");
        if (SymbolicEngine.eval("FreeQ(" + termwise + ", t)").equals("True")) {
            return termwise;
        }
        return SymbolicEngine.evalEvaluated("Integrate(" + integrand + ", {t,0,1})", "Integrate");
    }
}
