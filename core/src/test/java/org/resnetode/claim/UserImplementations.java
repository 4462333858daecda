package org.resnetode.claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A user's gradient code, written from the formulas alone (plain loops, no class of the toolkit): the ResNet
 * {@code f(x, W) = tanh(W x)}, d = 3, K weight layers, loss {@code ½ mean_i ||x_N - y_i||²}, in three correct
 * conventions, two correct adjoints and the faulty variants the audit must recognise. Its gradients are saved as
 * NumPy archives, as a PyTorch user would save them.
 */
final class UserImplementations {
    static final int D = 3;

    /** What the user's code computes. */
    enum Method {
        EULER_BACKPROP, HEUN_BACKPROP, HEUN_REFERENCE_BACKPROP, EULER_ADJOINT, HEUN_ADJOINT,
        /** Heun adjoint whose reverse step reads θ_n where it should read θ_{n+1}. */
        HEUN_ADJOINT_THETA_N,
        /** Heun backprop returning step n's two stage gradients one after the other (2S layers). */
        HEUN_STAGES_CONCATENATED,
        /** Heun backprop giving stage 2's gradient (it reads θ_{n+1}) to θ_n. */
        HEUN_STAGE_TO_THETA_N,
        /** Euler backprop writing layer n+1's gradient into layer n. */
        EULER_OFF_BY_ONE,
        /** Euler adjoint whose reverse step adds h f instead of subtracting it. */
        EULER_ADJOINT_SIGN_FLIPPED,
        /** A correct Euler adjoint of another kind: it recovers x~_n by two reverse half steps (error O(h) as well). */
        EULER_ADJOINT_HALF_STEPS,
        /** The Euler adjoint with the weight decay {@link #DECAY} θ_k left in layer k's gradient (a gap growing like N). */
        EULER_ADJOINT_WEIGHT_DECAY
    }

    /** The weight decay a training loop added to the gradients (small enough to pass for a recovery error at N = 9). */
    static final double DECAY = 6e-4;

    final int layers;
    final double[][][] w;
    final double[][] inputs = {{0.3, -0.5, 0.8}, {-0.7, 0.2, 0.4}};
    final double[][] targets = {{0.1, 0.2, -0.3}, {0.5, -0.4, 0.0}};

    /** Weights smooth in depth: {@code W_k = A + (k / (K-1)) B}. */
    UserImplementations(int layers) {
        this.layers = layers;
        this.w = new double[layers][D][D];
        for (int k = 0; k < layers; k++) {
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    w[k][i][j] = 0.9 * Math.sin(i + 2 * j + 1) + 1.2 * k / (layers - 1.0) * Math.cos(3 * i - j);
                }
            }
        }
    }

    private UserImplementations(double[][][] w) {
        this.layers = w.length;
        this.w = w;
    }

    /**
     * The network resampled as the audit's documentation states it for {@code --gradients-2n/-4n}: {@code count}
     * layers, layer k the linear interpolation of the layers at position {@code u = k / factor}, the last layer held
     * past the end ({@code count = factor K} for Euler, {@code factor (K - 1) + 1} for Heun).
     */
    UserImplementations resampled(int factor, int count) {
        double[][][] out = new double[count][D][D];
        for (int k = 0; k < count; k++) {
            double u = Math.min((double) k / factor, layers - 1);
            int lo = (int) Math.floor(u);
            int hi = Math.min(lo + 1, layers - 1);
            double a = u - lo;
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    out[k][i][j] = (1 - a) * w[lo][i][j] + a * w[hi][i][j];
                }
            }
        }
        return new UserImplementations(out);
    }

    static double[] f(double[][] a, double[] x) {
        double[] out = new double[D];
        for (int i = 0; i < D; i++) {
            double z = 0;
            for (int j = 0; j < D; j++) {
                z += a[i][j] * x[j];
            }
            out[i] = Math.tanh(z);
        }
        return out;
    }

    /** {@code q = kbar ⊙ (1 - tanh²(a x))}; adds {@code q xᵀ} to {@code g}, returns {@code aᵀ q}. */
    static double[] vjp(double[][] a, double[] x, double[] kbar, double[][] g) {
        double[] t = f(a, x);
        double[] gx = new double[D];
        for (int i = 0; i < D; i++) {
            double q = kbar[i] * (1 - t[i] * t[i]);
            for (int j = 0; j < D; j++) {
                g[i][j] += q * x[j];
                gx[j] += a[i][j] * q;
            }
        }
        return gx;
    }

    static double[] axpy(double[] x, double s, double[] y) {
        double[] out = new double[D];
        for (int i = 0; i < D; i++) {
            out[i] = x[i] + s * y[i];
        }
        return out;
    }

    /** The gradient the method computes, layer by layer ({@code [layer][row][col]}). */
    double[][][] gradient(Method m) {
        boolean heun = m.name().startsWith("HEUN");
        int depth = heun && m != Method.HEUN_REFERENCE_BACKPROP ? layers - 1 : layers;
        int steps = heun ? (m == Method.HEUN_REFERENCE_BACKPROP ? layers - 1 : depth) : depth;
        double h = 1.0 / depth;
        boolean stored = m.name().endsWith("BACKPROP") || m == Method.HEUN_STAGES_CONCATENATED || m == Method.HEUN_STAGE_TO_THETA_N
                || m == Method.EULER_OFF_BY_ONE;
        double[][][] stageOne = new double[steps][D][D];
        double[][][] stageTwo = new double[steps][D][D];
        for (int s = 0; s < inputs.length; s++) {
            double[][] x = new double[steps + 1][];
            x[0] = inputs[s].clone();
            for (int n = 0; n < steps; n++) {
                double[] k1 = f(w[n], x[n]);
                x[n + 1] = heun ? axpy(axpy(x[n], h / 2, k1), h / 2, f(w[n + 1], axpy(x[n], h, k1))) : axpy(x[n], h, k1);
            }
            double[] p = new double[D];
            for (int i = 0; i < D; i++) {
                p[i] = (x[steps][i] - targets[s][i]) / inputs.length;
            }
            double[] xt = x[steps].clone();
            for (int n = steps - 1; n >= 0; n--) {
                if (!stored) {
                    xt = recover(m, n, xt, h, heun);
                }
                double[] xn = stored ? x[n] : xt;
                if (heun) {
                    double[] k1 = f(w[n], xn);
                    double[] y = axpy(xn, h, k1);
                    double[] k2bar = axpy(new double[D], h / 2, p);
                    double[] ybar = vjp(w[n + 1], y, k2bar, stageTwo[n]);
                    double[] k1bar = axpy(k2bar, h, ybar);
                    double[] xbar = vjp(w[n], xn, k1bar, stageOne[n]);
                    p = axpy(axpy(p, 1, ybar), 1, xbar);
                } else {
                    p = axpy(p, 1, vjp(w[n], xn, axpy(new double[D], h, p), stageOne[n]));
                }
            }
        }
        return assign(m, stageOne, stageTwo, steps);
    }

    /** One reverse step of the method's adjoint: x~_n from x~_{n+1}. */
    private double[] recover(Method m, int n, double[] x, double h, boolean heun) {
        if (m == Method.EULER_ADJOINT_HALF_STEPS) {
            double[] half = axpy(x, -h / 2, f(w[n], x));
            return axpy(half, -h / 2, f(w[n], half));
        }
        if (!heun) {
            return axpy(x, m == Method.EULER_ADJOINT_SIGN_FLIPPED ? h : -h, f(w[n], x));
        }
        double[][] first = m == Method.HEUN_ADJOINT_THETA_N ? w[n] : w[n + 1];
        double[] k1 = f(first, x);
        double[] k2 = f(w[n], axpy(x, -h, k1));
        return axpy(axpy(x, -h / 2, k1), -h / 2, k2);
    }

    /** The stage gradients given to the layers as the method does. */
    private double[][][] assign(Method m, double[][][] one, double[][][] two, int steps) {
        if (m == Method.HEUN_STAGES_CONCATENATED) {
            double[][][] g = new double[2 * steps][][];
            for (int n = 0; n < steps; n++) {
                g[2 * n] = one[n];
                g[2 * n + 1] = two[n];
            }
            return g;
        }
        double[][][] g = new double[layers][D][D];
        for (int n = 0; n < steps; n++) {
            add(g[n], one[n]);
            if (m.name().startsWith("HEUN")) {
                add(g[m == Method.HEUN_STAGE_TO_THETA_N ? n : n + 1], two[n]);
            }
        }
        if (m == Method.EULER_ADJOINT_WEIGHT_DECAY) {
            for (int k = 0; k < layers; k++) {
                for (int i = 0; i < D; i++) {
                    for (int j = 0; j < D; j++) {
                        g[k][i][j] += DECAY * w[k][i][j];
                    }
                }
            }
        }
        if (m == Method.EULER_OFF_BY_ONE) {
            double[][][] shifted = new double[layers][D][D];
            System.arraycopy(g, 1, shifted, 0, layers - 1);
            return shifted;
        }
        return g;
    }

    private static void add(double[][] a, double[][] b) {
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                a[i][j] += b[i][j];
            }
        }
    }

    /** The network as the .npz a user exports: W (K, 3, 3), inputs and targets (2, 3). */
    Path writeNetwork(Path file) {
        Map<String, Object> arrays = new LinkedHashMap<>();
        arrays.put("W", w);
        arrays.put("inputs", inputs);
        arrays.put("targets", targets);
        return writeNpz(file, arrays);
    }

    /** Flattened in C order with its shape. */
    static double[] flat(Object a, java.util.List<Integer> shape, int axis) {
        if (a instanceof double[] v) {
            if (shape.size() == axis) {
                shape.add(v.length);
            }
            return v.clone();
        }
        Object[] rows = (Object[]) a;
        if (shape.size() == axis) {
            shape.add(rows.length);
        }
        double[][] parts = new double[rows.length][];
        int total = 0;
        for (int i = 0; i < rows.length; i++) {
            parts[i] = flat(rows[i], shape, axis + 1);
            total += parts[i].length;
        }
        double[] out = new double[total];
        int off = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, off, part.length);
            off += part.length;
        }
        return out;
    }

    /** A version-1 .npy of little-endian doubles. */
    static byte[] npy(double[] data, java.util.List<Integer> shape) {
        StringBuilder dims = new StringBuilder();
        for (int s : shape) {
            dims.append(s).append(", ");
        }
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length()).put(header.getBytes());
        for (double v : data) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** Nested double arrays as a .npz archive (what numpy.savez writes). */
    static Path writeNpz(Path file, Map<String, Object> arrays) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, Object> e : arrays.entrySet()) {
                java.util.List<Integer> shape = new java.util.ArrayList<>();
                double[] data = flat(e.getValue(), shape, 0);
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(data, shape));
                zip.closeEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }
}
