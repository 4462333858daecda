package org.resnetode.cli;

import java.util.concurrent.Callable;
import org.resnetode.claim.Control;
import org.resnetode.claim.FinetuneConfig;
import org.resnetode.claim.FinetuneSweep;
import org.resnetode.report.ClaimRun;
import org.resnetode.report.FinetuneSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = {"The training claim: the memory-free adjoint trains deep ResNets, on the bundled digits (mlp, d = 64, "
                + "hidden 16, SGD lr 0.1 momentum 0.9, batch 64).",
                "Measures (1) backprop and adjoint loss curves from one seed, Euler and Heun; (2) a network trained at a "
                        + "moderate depth, resampled in depth and fine-tuned with the adjoint, its accuracy and stored state per N; "
                        + "(3) the adjoint's gradient error against backprop along training, Heun against Euler; (4) N max ||Δθ|| "
                        + "after training from smooth and iid initialisations, over N.",
                "The default is quick (256 training rows, depths up to 256, seconds); --full trains on 512 rows and "
                        + "fine-tunes up to N = 16384 (minutes)."})
public final class FinetuneCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--full", description = "Full scale: 512 training rows, fine-tuning up to N = 16384, longer ladders.")
    boolean full;

    @Mixin
    SeedOption seed;

    @Option(names = "--control", paramLabel = "CONTROL",
            description = "Negative control: broken numerics that must make a statement fail (exit 1): wrong-reverse (curves), "
                    + "shifted-resampling (depth), wrong-stage-time (heun), iid-redraw (smoothness); swapped-stages (reverse stage "
                    + "times swapped) moves nothing here: layers trained from a constant start are O(h²) apart.")
    String control;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.prepare();
        return ClaimOutput.emit(new ClaimRun<>(FinetuneSpec.CLAIM, sweep()), output, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The quick or the full scale at the seed, under the control. */
    FinetuneSweep sweep() {
        Control c = control == null ? Control.NONE : Control.parse(control, "finetune", FinetuneSweep.CONTROLS);
        return new FinetuneSweep(full ? FinetuneConfig.full(seed.value) : FinetuneConfig.quick(seed.value), c);
    }
}
