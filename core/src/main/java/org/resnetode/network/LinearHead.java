package org.resnetode.network;

import org.resnetode.checks.BadInputException;

/**
 * The linear read-out after the ResNet: {@code z = W x_N + b}, W of size outputs × d (row-major), b of
 * size outputs, stored together in {@code parameters} (W, then b), followed by the loss named {@code loss}:
 * {@link #CROSS_ENTROPY} (softmax over z, class labels) or {@link #SQUARED_ERROR} (real targets).
 */
public record LinearHead(String loss, int outputs, int dim, double[] parameters) {
    public static final String CROSS_ENTROPY = "cross-entropy";
    public static final String SQUARED_ERROR = "squared-error";

    public LinearHead {
        if (!loss.equals(CROSS_ENTROPY) && !loss.equals(SQUARED_ERROR)) {
            throw new BadInputException("unknown head loss '" + loss + "' (expected " + CROSS_ENTROPY + " or "
                    + SQUARED_ERROR + ")");
        }
        if (outputs < 1 || dim < 1 || parameters.length != (long) outputs * dim + outputs) {
            throw new BadInputException("a head of " + outputs + " outputs on dimension " + dim + " has "
                    + ((long) outputs * dim + outputs) + " parameters, got " + parameters.length);
        }
    }

    /** A zero head (W = 0, b = 0) of the given shape. */
    public static LinearHead zero(String loss, int outputs, int dim) {
        return new LinearHead(loss, outputs, dim, new double[outputs * dim + outputs]);
    }

    /** Offset of the bias b in {@link #parameters}. */
    public int biasOffset() {
        return outputs * dim;
    }

    /** {@code z = W x + b} for the row {@code x[xOff..xOff+d)}, written to {@code z[0..outputs)}. */
    public void apply(double[] x, int xOff, double[] z) {
        for (int c = 0; c < outputs; c++) {
            double s = parameters[biasOffset() + c];
            int r = c * dim;
            for (int k = 0; k < dim; k++) {
                s += parameters[r + k] * x[xOff + k];
            }
            z[c] = s;
        }
    }
}
