package org.resnetode.linalg;

/**
 * Dense row-major matrix products on caller-owned {@code double[]} blocks:
 * {@code C = beta C + op(A) op(B)} with {@code beta} 0 (overwrite) or 1 (accumulate).
 *
 * <p>Every entry of C is computed as {@code c = fma(a_ip, b_pj, c)} for p = 0..k-1 from {@code c = beta c}
 * ({@link Kernel}), whichever kernel runs it (Vector API when {@code jdk.incubator.vector} is present at class
 * load, plain Java otherwise) and however the rows or columns are split over the threads of the calling work
 * ({@link Parallelism#current()}):
 * results are bitwise identical across kernels and thread counts. Products of at least {@link #PARALLEL_WORK}
 * multiply-adds are split over the threads, smaller ones run on the caller.
 */
public final class Gemm {
    /**
     * Multiply-adds below which a product runs on the caller alone: 2^17, so that the products of d = 64 and B = 64
     * (2^18, some 7 µs on one core) are split and those of d = 8 (a fraction of a microsecond, less than handing
     * work to another thread) are not. Set by that reasoning, not tuned on an idle machine.
     */
    public static final long PARALLEL_WORK = 1L << 17;
    private static final Kernel KERNEL = vectorModulePresent() ? vectorKernel() : new ScalarKernel();
    /**
     * Per-thread scratch, grown when needed, never shrunk: slots 0 and 1 for {@link #nt}'s packed transposes (of B, or of
     * A and of Cᵀ), slot {@link #PANEL} for the kernels' packed panels of B (a kernel runs inside {@link #nt}'s product).
     */
    private static final ThreadLocal<double[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0], new double[0]});
    /** The scratch slot of {@link VectorKernel}'s packed panels. */
    static final int PANEL = 2;
    /** Rows of A from which {@link #nt} may compute {@code Cᵀ = B Aᵀ}: sixteen fill the Vector kernel's two-vector width with AVX-512. */
    static final int TRANSPOSED_PRODUCT_ROWS = 16;

    private Gemm() {
    }

    /** Whether the Vector API kernel is in use (the JVM was started with {@code --add-modules jdk.incubator.vector}). */
    public static boolean vectorized() {
        return !(KERNEL instanceof ScalarKernel);
    }

    /** {@code C (m×n) = beta C + A (m×k) · B (k×n)}. */
    public static void nn(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int n, int k, double beta) {
        product(KERNEL, a, aOff, k, 1, b, bOff, c, cOff, m, n, k, beta);
    }

    /**
     * {@code C (m×n) = beta C + A (m×k) · Bᵀ}, B stored n×k (e.g. a batch X times a weight Wᵀ). Every entry is the same
     * chain of fused multiply-adds either way it is computed ({@code fma(a_ip, b_jp, c)} and {@code fma(b_jp, a_ip, c)}
     * round alike). Packing Bᵀ reads B, typically a weight read once per layer from memory, where packing ran at about
     * 5 GB/s and took as long as the product itself (d = 64, batch 32); so when B holds at least half as many entries as
     * A and C together, A has at least {@link #TRANSPOSED_PRODUCT_ROWS} rows and beta is 0, the product is computed as
     * {@code Cᵀ = B Aᵀ} on a packed Aᵀ and transposed into C (A and C: a batch and its product, in cache), B read in
     * place.
     */
    public static void nt(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int n, int k, double beta) {
        if (beta == 0 && m >= TRANSPOSED_PRODUCT_ROWS && 2L * n * k >= (long) m * (k + n)) {
            double[] at = scratch(0, m * k);
            double[] ct = scratch(1, n * m);
            transpose(a, aOff, m, k, at, 0);
            product(KERNEL, b, bOff, k, 1, at, 0, ct, 0, n, m, k, 0);
            transpose(ct, 0, n, m, c, cOff);
        } else {
            double[] packed = scratch(0, n * k);
            transpose(b, bOff, n, k, packed, 0);
            product(KERNEL, a, aOff, k, 1, packed, 0, c, cOff, m, n, k, beta);
        }
    }

    /** This thread's scratch array {@code which}, at least {@code size} long. */
    static double[] scratch(int which, int size) {
        double[][] scratch = SCRATCH.get();
        if (scratch[which].length < size) {
            scratch[which] = new double[size];
        }
        return scratch[which];
    }

    /** {@code t (k×n) = bᵀ} for b stored n×k, both from offset 0 (e.g. a gradient of a loss handed to a sweep of transposes). */
    public static void transpose(double[] b, int n, int k, double[] t) {
        transpose(b, 0, n, k, t, 0);
    }

    /**
     * {@code t (k×n, at tOff) = bᵀ} for b stored n×k at {@code bOff}, in 4×4 tiles: four rows of b read side by side, so that
     * both the reads and the writes run along memory.
     */
    static void transpose(double[] b, int bOff, int n, int k, double[] t, int tOff) {
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            int b0 = bOff + j * k;
            int b1 = b0 + k;
            int b2 = b1 + k;
            int b3 = b2 + k;
            for (int p = 0; p < k; p++) {
                int tp = tOff + p * n + j;
                t[tp] = b[b0 + p];
                t[tp + 1] = b[b1 + p];
                t[tp + 2] = b[b2 + p];
                t[tp + 3] = b[b3 + p];
            }
        }
        for (; j < n; j++) {
            int bj = bOff + j * k;
            for (int p = 0; p < k; p++) {
                t[tOff + p * n + j] = b[bj + p];
            }
        }
    }

    /** {@code C (m×n) = beta C + Aᵀ · B}, A stored k×m, B stored k×n (e.g. a weight gradient Gᵀ X over a batch of k rows). */
    public static void tn(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int n, int k, double beta) {
        product(KERNEL, a, aOff, 1, m, b, bOff, c, cOff, m, n, k, beta);
    }

    /**
     * {@code C = beta C + A B} with A read at {@code a[aOff + i·ars + p·acs]}, split over the calling work's threads
     * along C's longer side; whole on the caller when it is small, or when the caller is itself one of the threads'
     * tasks (row blocks; its current parallelism is then serial): there the pieces would run one after the other
     * anyway, each reading the other operand again.
     */
    static void product(Kernel kernel, double[] a, int aOff, int ars, int acs, double[] b, int bOff, double[] c, int cOff,
                        int m, int n, int k, double beta) {
        Parallelism parallelism = Parallelism.current();
        int threads = parallelism.threads();
        if (wholeOnCaller(m, n, k, threads)) {
            kernel.block(a, aOff, ars, acs, b, bOff, c, cOff, n, k, beta, 0, m, 0, n);
        } else if (m >= n) {
            int chunk = rowsPerTask(m, n, k, threads);
            parallelism.run((m + chunk - 1) / chunk, t ->
                    kernel.block(a, aOff, ars, acs, b, bOff, c, cOff, n, k, beta, t * chunk, Math.min(m, (t + 1) * chunk), 0, n));
        } else {
            int chunk = roundUp((n + threads - 1) / threads, 16);
            parallelism.run((n + chunk - 1) / chunk, t ->
                    kernel.block(a, aOff, ars, acs, b, bOff, c, cOff, n, k, beta, 0, m, t * chunk, Math.min(n, (t + 1) * chunk)));
        }
    }

    /** Whether a product of {@code m n k} multiply-adds runs whole on the caller: one thread, or below {@link #PARALLEL_WORK}. */
    private static boolean wholeOnCaller(int m, int n, int k, int threads) {
        return threads == 1 || (long) m * n * k < PARALLEL_WORK;
    }

    /**
     * Rows of C per task when the m rows of {@code C (m×n) = A (m×k) B} are split over {@code threads} threads, as
     * {@link #product} splits them: all m (one task, on the caller) when {@link #wholeOnCaller}, otherwise m split evenly
     * in multiples of 4 rows (the kernels' row tiles). For callers that split a chain of products by rows themselves.
     */
    public static int rowsPerTask(int m, int n, int k, int threads) {
        return wholeOnCaller(m, n, k, threads) ? m : roundUp((m + threads - 1) / threads, 4);
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** The kernel used, for tests that compare it with {@link ScalarKernel}. */
    static Kernel kernel() {
        return KERNEL;
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Loaded by name, so that this class links without the module. */
    private static Kernel vectorKernel() {
        try {
            return (Kernel) Class.forName("org.resnetode.linalg.VectorKernel").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernel();
        }
    }
}
