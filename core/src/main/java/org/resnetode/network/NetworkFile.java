package org.resnetode.network;

import org.resnetode.checks.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.resnetode.model.Families;
import org.resnetode.model.ResidualFunction;
import org.resnetode.model.Weights;
import org.resnetode.io.AtomicFiles;
import org.resnetode.scheme.ResNet;
import org.resnetode.scheme.Scheme;

/**
 * A whole network as a file (format {@value #FORMAT}, version {@value #VERSION}; NOTES/README "Network file
 * format"): family, scheme, dimension, hidden width (mlp), depth N, the weights θ_0..θ_K as one array per
 * weight kind ({@link WeightKinds}) with layers on the first axis, an optional linear head, optional
 * inputs and targets, and optional free-form training metadata. {@code layers} holds θ_n flat, layer after
 * layer, in the family's layout.
 */
public record NetworkFile(String family, String scheme, int dimension, int hidden, int depth, double[] layers,
                          LinearHead head, double[][] inputs, double[][] targets, Map<String, Object> training) {
    public static final String FORMAT = "resnet-ode-network";
    public static final int VERSION = 1;

    public NetworkFile {
        ResidualFunction f = Families.create(family, dimension, hidden);
        int count = Scheme.byName(scheme).weightCount(depth);
        if (layers.length != (long) count * f.parameterCount()) {
            throw new BadInputException(family + " at depth " + depth + " (" + scheme + ") has " + count
                    + " weight layers of " + f.parameterCount() + " parameters, got " + layers.length + " values");
        }
        if (head != null && head.dim() != dimension) {
            throw new BadInputException("the head reads dimension " + head.dim() + ", the network has " + dimension);
        }
        training = training == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
    }

    /** The file of a network and its head (the weight array is shared, not copied). */
    public static NetworkFile of(ResNet net, int hidden, LinearHead head, Map<String, Object> training) {
        return new NetworkFile(net.family().name(), net.scheme().name(), net.family().dim(),
                net.family().name().equals("mlp") ? hidden : 0, net.depth(), net.weights().data(), head, null, null, training);
    }

    /** The ResNet these weights describe (sharing {@link #layers}). */
    public ResNet network() {
        ResidualFunction f = Families.create(family, dimension, hidden);
        Scheme s = Scheme.byName(scheme);
        return new ResNet(f, s, new Weights(s.weightCount(depth), f.parameterCount(), layers), depth);
    }

    /** The shape in words, for messages: "mlp d=64 hidden=64 depth 64 euler, head 10 outputs". */
    public String shape() {
        return shape(family, dimension, hidden, depth, scheme, head == null ? 0 : head.outputs(), head == null ? null : head.loss());
    }

    /** The shape of a network in words ({@code outputs = 0}: no head), as {@link #shape()} prints it. */
    public static String shape(String family, int dimension, int hidden, int depth, String scheme, int outputs, String loss) {
        return family + " d=" + dimension + (family.equals("mlp") ? " hidden=" + hidden : "") + " depth " + depth + " "
                + scheme + (outputs == 0 ? ", no head" : ", head " + outputs + " outputs (" + loss + ")");
    }

    /** Writes the file atomically (temporary file, then moved into place). */
    public void write(Path path) {
        AtomicFiles.write(path, NetworkJson.write(this));
    }

    /** Reads and validates a network file: every problem is one line naming the file and the JSON path. */
    public static NetworkFile read(Path path) {
        return NetworkJson.read(path);
    }

    /** The weight kinds of this network's family. */
    public List<WeightKinds.Kind> kinds() {
        return WeightKinds.of(family, dimension, hidden);
    }
}
