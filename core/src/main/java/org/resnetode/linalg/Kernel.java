package org.resnetode.linalg;

/**
 * The one product every {@link Gemm} routine reduces to, on a block of rows {@code [i0, i1)} and columns
 * {@code [j0, j1)} of C (row-major, n columns):
 * {@code c_ij = fma(a_i,k-1 b_k-1,j, ... fma(a_i0 b_0j, c⁰_ij))} with {@code c⁰ = beta c}, i.e. one fused
 * multiply-add per term, in the order p = 0..k-1. A is read as {@code a[aOff + i·ars + p·acs]} (so A or Aᵀ),
 * B as the row-major k×n block at {@code bOff}. Implementations differ only in speed: every entry is the same
 * sequence of rounded operations, so they agree to the last bit.
 * {@link #tanh} likewise: both kernels run {@link Tanh#of}'s operations.
 */
interface Kernel {

    void block(double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
               int n, int k, double beta, int i0, int i1, int j0, int j1);

    /**
     * {@code z_i <- tanh(z_i)} for i in {@code [from, to)}, each entry exactly {@link Tanh#of}.
     */
    void tanh(double[] z, int from, int to);
}
