package org.resnetode.train;

import org.resnetode.checks.BadInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.gradient.Adjoint;
import org.resnetode.gradient.Backprop;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.network.LinearHead;
import org.resnetode.network.NetworkFile;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * Everything one training run is made of, built from its settings: the data split, a fresh network and head
 * (or those of a resumed file, checked to have the run's shape), the gradient method and the optimiser.
 */
public record TrainingRun(Dataset.Split data, ResNet net, int hidden, LinearHead head, GradientMethod method,
                          Optimiser optimiser, int firstEpoch) {

    /**
     * Settings of a run (the command's options). The Hurst index H of {@code --init fbm} must lie in (0, 1) and is
     * {@code NaN} (not given) for every other initialisation.
     */
    public record Settings(String family, String scheme, int depth, Integer hidden, String init, String profile,
                           double amplitude, double hurst, String gradient, String optimiser, double learningRate,
                           double momentum, long seed) {
        public Settings {
            if ("fbm".equals(init)) {
                org.resnetode.checks.Checks.openInterval("Hurst index H (--hurst)", hurst, 0, 1);
            } else if (!Double.isNaN(hurst)) {
                throw new BadInputException("--hurst applies only to --init fbm, not to --init " + init);
            }
        }
    }

    /** {@code backprop} or {@code adjoint}. */
    public static GradientMethod method(String name) {
        switch (name) {
            case "backprop":
                return new Backprop();
            case "adjoint":
                return new Adjoint();
            default:
                throw new BadInputException("unknown gradient method '" + name + "' (expected backprop or adjoint)");
        }
    }

    /** {@code sgd} (with momentum) or {@code adam}. */
    public static Optimiser optimiser(String name, double learningRate, double momentum) {
        switch (name) {
            case "sgd":
                return Optimiser.sgd(learningRate, momentum);
            case "adam":
                return Optimiser.adam(learningRate);
            default:
                throw new BadInputException("unknown optimiser '" + name + "' (expected sgd or adam)");
        }
    }

    /** A run on {@code data}: a fresh network, or the one in {@code resume} when it is given and has the run's shape. */
    public static TrainingRun create(Settings s, Dataset.Split data, Path resume) {
        int d = data.train().features();
        int hidden = s.hidden() == null ? d : s.hidden();
        ResidualFunction f = Families.create(s.family(), d, hidden);
        Scheme scheme = Scheme.byName(s.scheme());
        String loss = data.train().classification() ? LinearHead.CROSS_ENTROPY : LinearHead.SQUARED_ERROR;
        GradientMethod method = method(s.gradient());
        Optimiser optimiser = optimiser(s.optimiser(), s.learningRate(), s.momentum());
        if (resume == null) {
            ResNet net = new ResNet(f, scheme, Initialisation.weights(s.init(), s.profile(), s.amplitude(), s.hurst(), f, scheme,
                    s.depth(), s.seed()), s.depth());
            return new TrainingRun(data, net, hidden, Initialisation.head(loss, data.train().outputs(), d, s.seed()), method,
                    optimiser, 1);
        }
        NetworkFile file = NetworkFile.read(resume);
        String expected = NetworkFile.shape(f.name(), d, hidden, s.depth(), scheme.name(), data.train().outputs(), loss);
        if (!file.shape().equals(expected)) {
            throw new BadInputException(resume + " holds " + file.shape() + "; this run trains " + expected);
        }
        Object done = file.training().get("epochs");
        int first = done instanceof Number n ? n.intValue() + 1 : 1;
        return new TrainingRun(data, file.network(), hidden, file.head(), method, optimiser, first);
    }

    /** The checkpoint after epoch {@code e}: the network, its head and what trained it. */
    public NetworkFile checkpoint(Settings s, Trainer.Epoch e) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epochs", e.epoch());
        t.put("gradient", s.gradient());
        t.put("optimiser", optimiser.describe());
        t.put("init", s.init());
        if (!Double.isNaN(s.hurst())) {
            t.put("hurst", s.hurst());
        }
        t.put("seed", s.seed());
        t.put("data", data.train().source());
        t.put("loss", e.loss());
        t.put("testAccuracy", e.testAccuracy());
        return NetworkFile.of(net, hidden, head, t);
    }

    /** The trainer of this run. */
    public Trainer trainer(int batch, long seed) {
        return new Trainer(net, head, data.train(), data.test(), method, null, optimiser, batch, seed);
    }

    /**
     * The epoch's JSON line (one object, no line breaks), with the smoothness exponent
     * ({@link org.resnetode.model.HolderExponent}) of the weights now, at the start of the run ({@code start}, the
     * weights' values then), and of what training changed, {@code θ_n - θ_n(start)}.
     */
    public static String json(Trainer.Epoch e, ResNet net, String gradient, Weights start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", e.epoch());
        m.put("loss", e.loss());
        m.put("trainAccuracy", e.trainAccuracy());
        m.put("testAccuracy", e.testAccuracy());
        m.put("testLoss", e.testLoss());
        m.put("seconds", e.seconds());
        m.put("gradient", gradient);
        m.put("depth", net.depth());
        m.put("scheme", net.scheme().name());
        m.put("storedStateDoubles", e.storedStateDoubles());
        m.put("smoothness", e.smoothness());
        m.put("smoothnessExponent", org.resnetode.model.HolderExponent.of(net.weights()));
        m.put("smoothnessExponentAtStart", org.resnetode.model.HolderExponent.of(start));
        m.put("changeSmoothnessExponent", org.resnetode.model.HolderExponent.ofChange(net.weights(), start));
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> entry : m.entrySet()) {
            sb.append(sb.length() == 1 ? "" : ", ").append('"').append(entry.getKey()).append("\": ");
            Object v = entry.getValue();
            if (v instanceof String str) {
                sb.append('"').append(str).append('"');
            } else if (v instanceof Double x && !Double.isFinite(x)) {
                sb.append("null");
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }

    /** Names accepted by {@code --gradient}. */
    public static final List<String> GRADIENTS = List.of("backprop", "adjoint");
}
