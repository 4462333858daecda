package org.resnetode.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernel} on the incubating Vector API: register-blocked micro-kernels of 4 rows × 4 vectors (32 columns with
 * AVX-512; 16 accumulators, with the four vectors of B and a broadcast 21 of the 32 vector registers) and, for the
 * columns and rows they leave, single rows × 4 vectors, 4 rows × 2 vectors, 8 and 4 rows × 1 vector and single rows,
 * holding C in registers across the whole sum over p, one fused multiply-add per term and lane. Columns left over
 * (fewer than one vector) go through {@link ScalarKernel}, whose {@link Math#fma} gives the same bits. Loaded only
 * when the module is present ({@link Gemm}). The 4 × 4L tile loads 8 operands per 16 fused multiply-adds; the 3 × 4L
 * tile it replaced loaded 7 per 12, 4 × 2L 6 per 8: alone on one core, a 64 × 128 × 128 product ran at 45 GFLOP/s
 * with 4 × 2L tiles and 50 with 3 × 4L (4 × 3L: about the same, but 128 columns leave 8 to a narrow tile). 4 × 4L
 * against 3 × 4L, two builds in one JVM with alternating shots, both load orders, 2 threads (2026-12-05, issue 20's
 * sixth round; less time meaning 1 - new/old): linear training d = 128, N = 64 6.1% and 8.2% less time, d = 64,
 * N = 256 7.4%; the MLP backprop gradient d = 128 6.7% and 10.0%, d = 64 5.5%, d = 8 unchanged. The 8 × L tile
 * against 4 × L (products one vector wide, d = 8: eight chains where four left the FMA latency exposed on sums of 8
 * to 32 terms): the d = 8 backprop gradient 10.2% and 16.4% less time, the same two-build shots.
 *
 * <p>No 8-row × 2-vector kernels: with them (16 accumulators), 5 of 28 JMH forks of a d = 64 backprop gradient ran 10
 * times slower for the whole fork, allocating some 19 GB/s (the GC log): C2 had compiled the kernel without
 * scalar-replacing its vectors. Neither -XX:InlineSmallCode nor -XX:MaxNodeLimit prevented it. The 4 × 4L tile has as
 * many accumulators but was not seen to fail so: 12 JVMs each compiling it twice (two class loaders, d = 64 backprop,
 * 3 s) collected 16–22 times, as many as 6 JVMs of the 3 × 4L kernel (17–23; the stored activations), and 20 JVMs of
 * each timed alike within the machine's noise.
 *
 * <p>Packed panels for {@code C = Aᵀ B} (A read by columns, {@code acs != 1}): each k × 4L panel of B is first copied
 * contiguous (a copy changes no value). With 128 columns both B's panel rows and A's columns lie 1 KiB apart, so a
 * tile's loads fall into a quarter of the first-level cache's sets and evict each other; packed, the panel fills whole
 * lines in consecutive sets. Alone on one core (thread CPU time, d = 128): {@code tn} 128 × 128 × 64 went from 35–40 to
 * 41–42 GFLOP/s, 128 × 128 × 128 from 38–42 to 43–44. Products {@code A B} (rows of A contiguous) gained nothing from
 * packing, nor from k-blocks of 64 (both measured slower, 44–47 against 46–50 GFLOP/s), so they read B in place.
 */
final class VectorKernel implements Kernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private final ScalarKernel tail = new ScalarKernel();

    @Override
    public void block(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
                      int n, int k, double beta, int i0, int i1, int j0, int j1) {
        int j = j0;
        // 4-row tiles (sixteen accumulators: four loads and four broadcasts per sixteen fused multiply-adds), then single
        // rows. No branch on the row count: a branch here was compiled for the row counts the first calls had, and its
        // trap threw the compiled kernel away when another count came (JFR: unstable_if, a second C2 compilation of the
        // whole kernel during a training run's first step).
        int rows = i1 - i0;
        int fourRowEnd = i0 + (rows & ~3);
        int w = 4 * L;
        // A read by columns (C = Aᵀ B): each panel of B is packed k × 4L contiguous (see the class comment)
        double[] panel = acs != 1 && rows > 4 ? Gemm.scratch(Gemm.PANEL, k * w) : null;
        for (; j + w <= j1; j += w) {
            double[] bb = b;
            int bj = bOff + j;
            int bn = n;
            if (panel != null) {
                // panel[p·4L + l] = b[bOff + p·n + j + l], p < k, l < 4L
                for (int p = 0; p < k; p++) {
                    int from = bOff + p * n + j;
                    int to = p * w;
                    DoubleVector.fromArray(S, b, from).intoArray(panel, to);
                    DoubleVector.fromArray(S, b, from + L).intoArray(panel, to + L);
                    DoubleVector.fromArray(S, b, from + 2 * L).intoArray(panel, to + 2 * L);
                    DoubleVector.fromArray(S, b, from + 3 * L).intoArray(panel, to + 3 * L);
                }
                bb = panel;
                bj = 0;
                bn = w;
            }
            int i = i0;
            for (; i < fourRowEnd; i += 4) {
                if (beta == 0 || beta == 1 && positiveZeros(c, cOff + i * n + j, n)) {
                    rows4Width4Fresh(a, aOff + i * ars, ars, acs, bb, bj, bn, c, cOff + i * n + j, n, k);
                } else {
                    rows4Width4Onto(a, aOff + i * ars, ars, acs, bb, bj, bn, c, cOff + i * n + j, n, k, beta);
                }
            }
            for (; i < i1; i++) {
                row1Width4(a, aOff + i * ars, acs, bb, bj, bn, c, cOff + i * n + j, n, k, beta);
            }
        }
        for (; j + 2 * L <= j1; j += 2 * L) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                rows4Width2(a, aOff + i * ars, ars, acs, b, bOff + j, n, c, cOff + i * n + j, n, k, beta);
            }
            for (; i < i1; i++) {
                row1Width1(a, aOff + i * ars, acs, b, bOff + j, n, c, cOff + i * n + j, n, k, beta);
                row1Width1(a, aOff + i * ars, acs, b, bOff + j + L, n, c, cOff + i * n + j + L, n, k, beta);
            }
        }
        for (; j + L <= j1; j += L) {
            int i = i0;
            for (; i + 8 <= i1; i += 8) {
                rows8Width1(a, aOff + i * ars, ars, acs, b, bOff + j, n, c, cOff + i * n + j, n, k, beta);
            }
            for (; i + 4 <= i1; i += 4) {
                rows4Width1(a, aOff + i * ars, ars, acs, b, bOff + j, n, c, cOff + i * n + j, n, k, beta);
            }
            for (; i < i1; i++) {
                row1Width1(a, aOff + i * ars, acs, b, bOff + j, n, c, cOff + i * n + j, n, k, beta);
            }
        }
        if (j < j1) {
            tail.block(a, aOff, ars, acs, b, bOff, c, cOff, n, k, beta, i0, i1, j, j1);
        }
    }

    /** {@link Tanh#of} on whole vectors, the same operations lane by lane; the remainder through {@link Tanh#of} itself. */
    @Override
    public void tanh(double[] z, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, z, i);
            DoubleVector a = x.abs();
            DoubleVector y = a.mul(-2);
            DoubleVector s = y.fma(Tanh.INV_LN2, Tanh.ROUNDER);
            DoubleVector k = s.sub(Tanh.ROUNDER);
            DoubleVector r = k.neg().fma(DoubleVector.broadcast(S, Tanh.LN2_HI), y);
            r = k.neg().fma(DoubleVector.broadcast(S, Tanh.LN2_LO), r);
            DoubleVector q = DoubleVector.broadcast(S, Tanh.TAYLOR[0]);
            for (int c = 1; c < Tanh.TAYLOR.length; c++) {
                q = q.fma(r, DoubleVector.broadcast(S, Tanh.TAYLOR[c]));
            }
            DoubleVector p = r.mul(r).fma(q, r);
            DoubleVector twoK = ((LongVector) s.viewAsIntegralLanes()).sub(Tanh.ROUNDER_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
            DoubleVector m = twoK.fma(p, twoK.sub(1));
            DoubleVector t = m.neg().div(m.add(2));
            t = t.blend(1, a.compare(VectorOperators.GT, Tanh.SATURATION));
            t.blend(t.neg(), x.compare(VectorOperators.LT, 0)).intoArray(z, i);
        }
        tail.tanh(z, i, to);
    }

    /**
     * Whether the 4 × 4L tile of C at {@code ci} holds +0.0 alone (bit pattern 0; -0.0 does not count): there a product
     * with beta = 1 starts every chain from +0.0, exactly as {@link #rows4Width4Fresh} does, which then gives the same
     * bits faster. The gradients' weight products ({@code gW += Pᵀ U}) accumulate into buffers zeroed beforehand, so
     * most of their tiles take that route (d = 128 backprop: 1–4% less time in alternating shots, measured on the 3 × 4L
     * tile this one replaced).
     */
    private static boolean positiveZeros(double[] c, int ci, int n) {
        LongVector bits = rowBits(c, ci).or(rowBits(c, ci + n)).or(rowBits(c, ci + 2 * n)).or(rowBits(c, ci + 3 * n));
        return bits.reduceLanes(VectorOperators.OR) == 0;
    }

    /** The OR of the bit patterns of the four vectors from {@code at}. */
    private static LongVector rowBits(double[] c, int at) {
        return ((LongVector) DoubleVector.fromArray(S, c, at).viewAsIntegralLanes())
                .or((LongVector) DoubleVector.fromArray(S, c, at + L).viewAsIntegralLanes())
                .or((LongVector) DoubleVector.fromArray(S, c, at + 2 * L).viewAsIntegralLanes())
                .or((LongVector) DoubleVector.fromArray(S, c, at + 3 * L).viewAsIntegralLanes());
    }

    private static DoubleVector start(double[] c, int at, double beta) {
        return beta == 0 ? DoubleVector.zero(S) : DoubleVector.fromArray(S, c, at).mul(beta);
    }

    /**
     * C[4 × 4L] at {@code ci} = A[4 rows from ai] · B[k × 4L panel at bj], the accumulators starting at zero: sixteen
     * accumulators, four vector loads and four broadcasts per sixteen fused multiply-adds. A method of its own beside
     * {@link #rows4Width4Onto} because C2 compiles the loop slower when the accumulators may start from C's loads
     * (measured on the 3 × 4L tile this one replaced: alone on one core, 24 × 32 × 256 in L1, 52 GFLOP/s for products
     * with beta = 0 only, 47 with beta = 1 only, 44.5 for both when one method served both; inside the d = 128 backprop
     * gradient, four of whose six products per layer have beta = 0, 5–7% less time in alternating shots).
     */
    private static void rows4Width4Fresh(double[] a, int ai, int ars, int acs, double[] b, int bj, int bn, double[] c,
                                         int ci, int n, int k) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c02 = DoubleVector.zero(S);
        DoubleVector c03 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c12 = DoubleVector.zero(S);
        DoubleVector c13 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c22 = DoubleVector.zero(S);
        DoubleVector c23 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c32 = DoubleVector.zero(S);
        DoubleVector c33 = DoubleVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = bj + p * bn;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bp + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bp + 3 * L);
            int ap = ai + p * acs;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ap + ars]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ap + 2 * ars]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ap + 3 * ars]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L);
        c03.intoArray(c, ci + 3 * L);
        c10.intoArray(c, ci + n);
        c11.intoArray(c, ci + n + L);
        c12.intoArray(c, ci + n + 2 * L);
        c13.intoArray(c, ci + n + 3 * L);
        c20.intoArray(c, ci + 2 * n);
        c21.intoArray(c, ci + 2 * n + L);
        c22.intoArray(c, ci + 2 * n + 2 * L);
        c23.intoArray(c, ci + 2 * n + 3 * L);
        c30.intoArray(c, ci + 3 * n);
        c31.intoArray(c, ci + 3 * n + L);
        c32.intoArray(c, ci + 3 * n + 2 * L);
        c33.intoArray(c, ci + 3 * n + 3 * L);
    }

    /** C[4 × 4L] at {@code ci} = beta C + A[4 rows from ai] · B[k × 4L panel at bj]. */
    private static void rows4Width4Onto(double[] a, int ai, int ars, int acs, double[] b, int bj, int bn, double[] c,
                                        int ci, int n, int k, double beta) {
        DoubleVector c00 = start(c, ci, beta);
        DoubleVector c01 = start(c, ci + L, beta);
        DoubleVector c02 = start(c, ci + 2 * L, beta);
        DoubleVector c03 = start(c, ci + 3 * L, beta);
        DoubleVector c10 = start(c, ci + n, beta);
        DoubleVector c11 = start(c, ci + n + L, beta);
        DoubleVector c12 = start(c, ci + n + 2 * L, beta);
        DoubleVector c13 = start(c, ci + n + 3 * L, beta);
        DoubleVector c20 = start(c, ci + 2 * n, beta);
        DoubleVector c21 = start(c, ci + 2 * n + L, beta);
        DoubleVector c22 = start(c, ci + 2 * n + 2 * L, beta);
        DoubleVector c23 = start(c, ci + 2 * n + 3 * L, beta);
        DoubleVector c30 = start(c, ci + 3 * n, beta);
        DoubleVector c31 = start(c, ci + 3 * n + L, beta);
        DoubleVector c32 = start(c, ci + 3 * n + 2 * L, beta);
        DoubleVector c33 = start(c, ci + 3 * n + 3 * L, beta);
        for (int p = 0; p < k; p++) {
            int bp = bj + p * bn;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bp + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bp + 3 * L);
            int ap = ai + p * acs;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ap + ars]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ap + 2 * ars]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ap + 3 * ars]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L);
        c03.intoArray(c, ci + 3 * L);
        c10.intoArray(c, ci + n);
        c11.intoArray(c, ci + n + L);
        c12.intoArray(c, ci + n + 2 * L);
        c13.intoArray(c, ci + n + 3 * L);
        c20.intoArray(c, ci + 2 * n);
        c21.intoArray(c, ci + 2 * n + L);
        c22.intoArray(c, ci + 2 * n + 2 * L);
        c23.intoArray(c, ci + 2 * n + 3 * L);
        c30.intoArray(c, ci + 3 * n);
        c31.intoArray(c, ci + 3 * n + L);
        c32.intoArray(c, ci + 3 * n + 2 * L);
        c33.intoArray(c, ci + 3 * n + 3 * L);
    }

    /**
     * C[1 × 4L] at {@code ci} += A[row at ai] · B[k × 4L panel at bj]: the rows a block's 4-row tiles leave (1 to 3).
     */
    private static void row1Width4(double[] a, int ai, int acs, double[] b, int bj, int bn, double[] c, int ci,
                                   int n, int k, double beta) {
        DoubleVector c0 = start(c, ci, beta);
        DoubleVector c1 = start(c, ci + L, beta);
        DoubleVector c2 = start(c, ci + 2 * L, beta);
        DoubleVector c3 = start(c, ci + 3 * L, beta);
        for (int p = 0; p < k; p++) {
            int bp = bj + p * bn;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ai + p * acs]);
            c0 = a0.fma(DoubleVector.fromArray(S, b, bp), c0);
            c1 = a0.fma(DoubleVector.fromArray(S, b, bp + L), c1);
            c2 = a0.fma(DoubleVector.fromArray(S, b, bp + 2 * L), c2);
            c3 = a0.fma(DoubleVector.fromArray(S, b, bp + 3 * L), c3);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + L);
        c2.intoArray(c, ci + 2 * L);
        c3.intoArray(c, ci + 3 * L);
    }

    /** C[4 × 2L] at {@code ci} += A[4 rows from ai] · B[k × 2L panel at bj]. */
    private static void rows4Width2(double[] a, int ai, int ars, int acs, double[] b, int bj, int bn, double[] c, int ci,
                                    int n, int k, double beta) {
        DoubleVector c00 = start(c, ci, beta);
        DoubleVector c01 = start(c, ci + L, beta);
        DoubleVector c10 = start(c, ci + n, beta);
        DoubleVector c11 = start(c, ci + n + L, beta);
        DoubleVector c20 = start(c, ci + 2 * n, beta);
        DoubleVector c21 = start(c, ci + 2 * n + L, beta);
        DoubleVector c30 = start(c, ci + 3 * n, beta);
        DoubleVector c31 = start(c, ci + 3 * n + L, beta);
        for (int p = 0; p < k; p++) {
            int bp = bj + p * bn;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
            int ap = ai + p * acs;
            DoubleVector a0 = DoubleVector.broadcast(S, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ap + ars]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ap + 2 * ars]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ap + 3 * ars]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c10.intoArray(c, ci + n);
        c11.intoArray(c, ci + n + L);
        c20.intoArray(c, ci + 2 * n);
        c21.intoArray(c, ci + 2 * n + L);
        c30.intoArray(c, ci + 3 * n);
        c31.intoArray(c, ci + 3 * n + L);
    }

    /**
     * C[8 × L] at {@code ci} = beta C + A[8 rows from ai] · B[k × L panel at bj]: eight independent chains where the
     * 4 × L tile has four (narrow products, d = 8: short sums whose latency the chains hide).
     */
    private static void rows8Width1(double[] a, int ai, int ars, int acs, double[] b, int bj, int bn, double[] c, int ci,
                                    int n, int k, double beta) {
        DoubleVector c0 = start(c, ci, beta);
        DoubleVector c1 = start(c, ci + n, beta);
        DoubleVector c2 = start(c, ci + 2 * n, beta);
        DoubleVector c3 = start(c, ci + 3 * n, beta);
        DoubleVector c4 = start(c, ci + 4 * n, beta);
        DoubleVector c5 = start(c, ci + 5 * n, beta);
        DoubleVector c6 = start(c, ci + 6 * n, beta);
        DoubleVector c7 = start(c, ci + 7 * n, beta);
        for (int p = 0; p < k; p++) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bj + p * bn);
            int ap = ai + p * acs;
            c0 = DoubleVector.broadcast(S, a[ap]).fma(bv, c0);
            c1 = DoubleVector.broadcast(S, a[ap + ars]).fma(bv, c1);
            c2 = DoubleVector.broadcast(S, a[ap + 2 * ars]).fma(bv, c2);
            c3 = DoubleVector.broadcast(S, a[ap + 3 * ars]).fma(bv, c3);
            c4 = DoubleVector.broadcast(S, a[ap + 4 * ars]).fma(bv, c4);
            c5 = DoubleVector.broadcast(S, a[ap + 5 * ars]).fma(bv, c5);
            c6 = DoubleVector.broadcast(S, a[ap + 6 * ars]).fma(bv, c6);
            c7 = DoubleVector.broadcast(S, a[ap + 7 * ars]).fma(bv, c7);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + n);
        c2.intoArray(c, ci + 2 * n);
        c3.intoArray(c, ci + 3 * n);
        c4.intoArray(c, ci + 4 * n);
        c5.intoArray(c, ci + 5 * n);
        c6.intoArray(c, ci + 6 * n);
        c7.intoArray(c, ci + 7 * n);
    }

    /** C[4 × L] at {@code ci} += A[4 rows from ai] · B[k × L panel at bj]. */
    private static void rows4Width1(double[] a, int ai, int ars, int acs, double[] b, int bj, int bn, double[] c, int ci,
                                    int n, int k, double beta) {
        DoubleVector c0 = start(c, ci, beta);
        DoubleVector c1 = start(c, ci + n, beta);
        DoubleVector c2 = start(c, ci + 2 * n, beta);
        DoubleVector c3 = start(c, ci + 3 * n, beta);
        for (int p = 0; p < k; p++) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bj + p * bn);
            int ap = ai + p * acs;
            c0 = DoubleVector.broadcast(S, a[ap]).fma(bv, c0);
            c1 = DoubleVector.broadcast(S, a[ap + ars]).fma(bv, c1);
            c2 = DoubleVector.broadcast(S, a[ap + 2 * ars]).fma(bv, c2);
            c3 = DoubleVector.broadcast(S, a[ap + 3 * ars]).fma(bv, c3);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + n);
        c2.intoArray(c, ci + 2 * n);
        c3.intoArray(c, ci + 3 * n);
    }

    /** C[1 × L] at {@code ci} += A[row at ai] · B[k × L panel at bj]. */
    private static void row1Width1(double[] a, int ai, int acs, double[] b, int bj, int bn, double[] c, int ci,
                                   int n, int k, double beta) {
        DoubleVector c0 = start(c, ci, beta);
        for (int p = 0; p < k; p++) {
            c0 = DoubleVector.broadcast(S, a[ai + p * acs]).fma(DoubleVector.fromArray(S, b, bj + p * bn), c0);
        }
        c0.intoArray(c, ci);
    }
}
