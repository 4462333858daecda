package org.resnetode.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Checks;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.GradientAudit;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.TerminalLoss;
import org.resnetode.io.NpyArray;
import org.resnetode.io.Npz;
import org.resnetode.network.LinearHead;
import org.resnetode.network.NetworkFile;
import org.resnetode.report.AuditReport;
import org.resnetode.scheme.Scheme;
import org.resnetode.train.HeadLoss;

/**
 * {@code inspect --gradients FILE}: the gradient audit of a network file's inputs and targets. {@code --loss mse} is
 * {@code ½ mean_i ||x_N^i - y_i||²} on the file's targets; {@code --loss cross-entropy} the file's linear head (a
 * JSON file's {@code head}, or the arrays {@code head_weight} (C, d) and {@code head_bias} (C,) of an .npz) followed by
 * the cross-entropy on class labels (a JSON file's one-column targets, or an .npz's {@code labels} (B,)).
 */
final class InspectAudit {
    static final List<String> LOSSES = List.of("mse", "cross-entropy");

    private InspectAudit() {
    }

    static int run(InspectCommand c, NetworkFile file) {
        Checks.oneOf("--loss", c.loss, LOSSES);
        if (file.inputs() == null) {
            throw new BadInputException("--gradients: " + c.network + " has no inputs; the audit needs the inputs the gradients were computed on");
        }
        double[] inputs = GradientMethod.flatten(file.inputs());
        int batch = file.inputs().length;
        Supplier<TerminalLoss> loss = c.loss.equals("mse") ? meanSquared(c, file) : crossEntropy(c, file, batch);
        List<Scheme> extra = c.scheme != null && c.scheme.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? List.of(Scheme.byName(c.scheme)) : List.of();
        GradientAudit.Subject subject = new GradientAudit.Subject(file.network(), inputs, batch, loss, file.kinds(),
                c.gradientTolerance, extra);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("network", c.network.toString());
        config.put("gradients", c.gradients.toString());
        config.put("family", file.family());
        config.put("dim", file.dimension());
        config.put("loss", c.loss);
        config.put("batch", batch);
        config.put("gradientTolerance", c.gradientTolerance);
        List<ClaimResult> results = GradientAudit.audit(subject, c.gradients, c.gradients2N, c.gradients4N, config);
        return ClaimOutput.emit(org.resnetode.report.TableLayout.of("inspect", "Gradient audit of " + c.gradients.getFileName(),
                AuditReport::title, AuditReport::columns), results, c.output, c.spec.commandLine().getOut(),
                c.spec.commandLine().getErr(), Map.of());
    }

    private static Supplier<TerminalLoss> meanSquared(InspectCommand c, NetworkFile file) {
        if (file.targets() == null || file.targets().length != file.inputs().length || file.targets()[0].length != file.dimension()) {
            throw new BadInputException("--loss mse: " + c.network + " needs targets of width " + file.dimension() + ", one per input");
        }
        double[] targets = GradientMethod.flatten(file.targets());
        return () -> TerminalLoss.squaredError(targets);
    }

    private static Supplier<TerminalLoss> crossEntropy(InspectCommand c, NetworkFile file, int batch) {
        LinearHead head = file.head();
        int[] labels;
        if (c.network.getFileName().toString().endsWith(".npz")) {
            Map<String, NpyArray> arrays = Npz.read(c.network);
            NpyArray w = arrays.get("head_weight");
            NpyArray b = arrays.get("head_bias");
            NpyArray l = arrays.get("labels");
            if (w == null || b == null || l == null || w.rank() != 2 || w.shape()[1] != file.dimension() || b.rank() != 1
                    || b.shape()[0] != w.shape()[0] || l.rank() != 1 || l.shape()[0] != batch) {
                throw new BadInputException("--loss cross-entropy: " + c.network + " needs arrays head_weight (C, " + file.dimension()
                        + "), head_bias (C,) and labels (" + batch + ",)");
            }
            double[] params = new double[w.data().length + b.data().length];
            System.arraycopy(w.data(), 0, params, 0, w.data().length);
            System.arraycopy(b.data(), 0, params, w.data().length, b.data().length);
            head = new LinearHead(LinearHead.CROSS_ENTROPY, w.shape()[0], file.dimension(), Checks.finite("head of " + c.network, params));
            labels = labels(c.network, l.data(), head.outputs());
        } else {
            if (head == null || !head.loss().equals(LinearHead.CROSS_ENTROPY) || file.targets() == null || file.targets()[0].length != 1) {
                throw new BadInputException("--loss cross-entropy: " + c.network + " needs a cross-entropy head and one class label per input (targets of width 1)");
            }
            List<Double> flat = new ArrayList<>();
            for (double[] t : file.targets()) {
                flat.add(t[0]);
            }
            labels = labels(c.network, flat.stream().mapToDouble(Double::doubleValue).toArray(), head.outputs());
        }
        LinearHead h = head;
        return () -> new HeadLoss(h).labels(labels, 0);
    }

    private static int[] labels(Path file, double[] values, int classes) {
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < 0 || values[i] >= classes) {
                throw new BadInputException("--loss cross-entropy: " + file + ": label " + i + " is " + values[i] + ", expected a class in 0.."
                        + (classes - 1));
            }
            labels[i] = (int) values[i];
        }
        return labels;
    }
}
