package org.resnetode.claim;

import java.util.List;
import java.util.Objects;
import org.resnetode.train.DataReader;

/** The training claim's configuration: its scale and seed, and the negative control its adjoint, resampling or start runs under. */
public record FinetuneSweep(FinetuneConfig config, Control control) {
    /** The controls {@code finetune --control} accepts, each failing one statement (swapped-stages: see FinetuneClaim). */
    public static final List<Control> CONTROLS = List.of(Control.WRONG_REVERSE, Control.SHIFTED_RESAMPLING,
            Control.WRONG_STAGE_TIME, Control.IID_REDRAW, Control.SWAPPED_STAGES);

    public FinetuneSweep {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(control, "control");
    }

    /** The claim's four parts as tasks (each trains its own networks) on the digits' training rows, the last 360 rows for test. */
    public ClaimPlan plan(Progress progress) {
        FinetuneClaim claim = new FinetuneClaim(config, DataReader.digits().split(DataReader.DIGITS_TEST_ROWS), control, progress);
        return ClaimPlan.of(claim.parts(), results -> results);
    }
}
