package org.resnetode.report;

import java.util.List;
import org.resnetode.claim.ClaimResult;

/** Tables of the fine-tuning claim: one layout per measured statement. */
public final class FinetuneReport {
    private FinetuneReport() {
    }

    public static String title(ClaimResult r) {
        return switch (r.claim()) {
            case "finetune-curves" -> "Training: backprop and adjoint loss curves from one seed (N = " + r.config().get("depth") + ")";
            case "finetune-depth" -> "Fine-tuning with the adjoint after resampling in depth from N = " + r.config().get("baseDepth");
            case "finetune-heun" -> "Adjoint gradient error against backprop, largest along the run";
            default -> "Smoothness N max ||θ_{n+1} - θ_n|| after training, smooth and iid initialisation";
        };
    }

    /** The statement the run judged, for the report's summary: its first note without the verdict label. */
    public static String headline(ClaimResult r) {
        if (r.notes().isEmpty()) {
            return "no statement judged";
        }
        String note = r.notes().get(0);
        int colon = note.indexOf(": ");
        return colon >= 0 && colon < 13 ? note.substring(colon + 2) : note;
    }

    public static List<Column> columns(ClaimResult r) {
        return switch (r.claim()) {
            case "finetune-curves" -> List.of(new Column("scheme", "scheme", "%s"), new Column("epoch", "epoch", "%d"),
                    new Column("backpropLoss", "backprop loss", "%.6f"), new Column("adjointLoss", "adjoint loss", "%.6f"),
                    new Column("relativeDifference", "relative difference", "%.3e"),
                    new Column("differenceOverDecrease", "|Δℓ| / (ℓ_0 - ℓ) (judged)", "%.3e"),
                    new Column("backpropTestAccuracy", "backprop test acc.", "%.4f"),
                    new Column("adjointTestAccuracy", "adjoint test acc.", "%.4f"));
            case "finetune-depth" -> List.of(new Column("N", "N", "%d"), new Column("baseTestAccuracy", "base test acc.", "%.4f"),
                    new Column("resampledTestAccuracy", "resampled test acc.", "%.4f"),
                    new Column("finetunedTestAccuracy", "fine-tuned test acc.", "%.4f"),
                    new Column("finetunedLoss", "fine-tuned loss", "%.5f"),
                    new Column("adjointStoredDoubles", "adjoint stored doubles", "%d"), new Column("seconds", "s", "%.2f"));
            case "finetune-heun" -> List.of(new Column("scheme", "scheme", "%s"), new Column("N", "N", "%d"),
                    new Column("maxGradientError", "max relative gradient error", "%.3e"));
            default -> List.of(new Column("init", "init", "%s"), new Column("N", "N", "%d"),
                    new Column("smoothnessBefore", "N max ||Δθ|| before", "%.4e"),
                    new Column("smoothnessAfter", "N max ||Δθ|| after", "%.4e"),
                    new Column("testAccuracy", "test acc.", "%.4f"));
        };
    }
}
