package org.resnetode.scheme;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Butcher's order conditions: a Runge-Kutta tableau has order p iff {@code Φ(τ) = 1/γ(τ)} for every rooted
 * tree τ with at most p vertices. For a tree τ = [τ_1, ..., τ_m] (a root with subtrees τ_k), the stage vector
 * is {@code g(τ)_i = Π_k (A g(τ_k))_i} ({@code g(•) = 1}), the elementary weight {@code Φ(τ) = bᵀ g(τ)} and the
 * density {@code γ(τ) = |τ| Π_k γ(τ_k)}. The trees of each order are generated once: 1, 1, 2, 4, 9, 20 of
 * orders 1..6.
 */
public final class OrderConditions {
    /** Highest order checked. */
    public static final int MAX_ORDER = 6;

    /** A rooted tree: its order |τ|, its density γ(τ) and its subtrees (indices into {@link #TREES}). */
    private record Tree(int order, BigInteger density, int[] children) {
    }

    /** Every rooted tree of order 1..{@link #MAX_ORDER}, by nondecreasing order; each appears once. */
    private static final List<Tree> TREES = generate();

    private OrderConditions() {
    }

    /** Number of rooted trees of the given order (1, 1, 2, 4, 9, 20 for orders 1..6). */
    public static int treeCount(int order) {
        return (int) TREES.stream().filter(t -> t.order() == order).count();
    }

    /** The largest p <= {@link #MAX_ORDER} such that every condition of order <= p holds (0 if Σ b_i ≠ 1). */
    static int order(BigFraction[][] a, BigFraction[] b) {
        int s = b.length;
        BigFraction[][] stage = new BigFraction[TREES.size()][];
        for (int t = 0; t < TREES.size(); t++) {
            Tree tree = TREES.get(t);
            BigFraction[] g = new BigFraction[s];
            java.util.Arrays.fill(g, BigFraction.ONE);
            for (int child : tree.children()) {
                for (int i = 0; i < s; i++) {
                    g[i] = g[i].multiply(ButcherTableau.dot(a[i], stage[child]));
                }
            }
            stage[t] = g;
            if (!ButcherTableau.dot(b, g).equals(new BigFraction(BigInteger.ONE, tree.density()))) {
                return tree.order() - 1;
            }
        }
        return MAX_ORDER;
    }

    /** Trees of order n: a root above a multiset of subtrees of total order n - 1, as nonincreasing index lists. */
    private static List<Tree> generate() {
        List<Tree> trees = new ArrayList<>();
        trees.add(new Tree(1, BigInteger.ONE, new int[0]));
        for (int n = 2; n <= MAX_ORDER; n++) {
            int before = trees.size();
            addForests(trees, before, n - 1, before - 1, new ArrayList<>(), n);
        }
        return List.copyOf(trees);
    }

    /** Appends to {@code trees} every root of order {@code n} over {@code chosen} plus subtrees of indices <= {@code maxIndex} summing to {@code remaining}. */
    private static void addForests(List<Tree> trees, int known, int remaining, int maxIndex, List<Integer> chosen, int n) {
        if (remaining == 0) {
            BigInteger density = BigInteger.valueOf(n);
            int[] children = new int[chosen.size()];
            for (int k = 0; k < children.length; k++) {
                children[k] = chosen.get(k);
                density = density.multiply(trees.get(children[k]).density());
            }
            trees.add(new Tree(n, density, children));
            return;
        }
        for (int t = Math.min(maxIndex, known - 1); t >= 0; t--) {
            int order = trees.get(t).order();
            if (order <= remaining) {
                chosen.add(t);
                addForests(trees, known, remaining - order, t, chosen, n);
                chosen.remove(chosen.size() - 1);
            }
        }
    }
}
