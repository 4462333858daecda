package org.resnetode.train.linear;

/**
 * The layer gradients' transposed writes: {@code out[at + i d + j] = s t_ji} or {@code += s t_ji} for a d×d block t.
 * A training step's update reads eight columns of t side by side (one 64-byte line of each row of t, eight rows of
 * out written along memory): each entry is one product and one sum, so the order changes no bit. (8×8 tiles
 * with a branch per entry took twice as long at d = 128; a Vector API gather of a column, longer still on JDK 17.)
 */
final class TransposedUpdate {
    /** Columns of t read side by side. */
    private static final int WIDTH = 8;

    private TransposedUpdate() {
    }

    /** {@code out[at + i d + j] = out[at + i d + j] + scale t_ji} for i, j in [0, d). */
    static void add(double[] t, double[] out, int at, int d, double scale) {
        int i = 0;
        for (; i + WIDTH <= d; i += WIDTH) {
            int row = at + i * d;
            for (int j = 0; j < d; j++) {
                int tj = j * d + i;
                int o = row + j;
                out[o] = out[o] + scale * t[tj];
                out[o + d] = out[o + d] + scale * t[tj + 1];
                out[o + 2 * d] = out[o + 2 * d] + scale * t[tj + 2];
                out[o + 3 * d] = out[o + 3 * d] + scale * t[tj + 3];
                out[o + 4 * d] = out[o + 4 * d] + scale * t[tj + 4];
                out[o + 5 * d] = out[o + 5 * d] + scale * t[tj + 5];
                out[o + 6 * d] = out[o + 6 * d] + scale * t[tj + 6];
                out[o + 7 * d] = out[o + 7 * d] + scale * t[tj + 7];
            }
        }
        for (; i < d; i++) {
            int row = at + i * d;
            for (int j = 0; j < d; j++) {
                out[row + j] = out[row + j] + scale * t[j * d + i];
            }
        }
    }

    /**
     * {@code out[at + i d + j] = scale t_ji} for i, j in [0, d), entry by entry: only {@link LinearTrainer#gradient}
     * writes it, never a training step.
     */
    static void set(double[] t, double[] out, int at, int d, double scale) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[at + i * d + j] = scale * t[j * d + i];
            }
        }
    }
}
