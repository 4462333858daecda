package org.resnetode.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimResult;
import org.resnetode.claim.Progress;

/** A claim run with its results. */
public record ClaimOutcome(ClaimRun<?> run, List<ClaimResult> results) {
    public ClaimOutcome {
        results = List.copyOf(results);
    }

    public ClaimSpec<?> claim() {
        return run.claim();
    }

    /** The claim's files under {@code dir}, plots included ({@link ClaimRun#files}). */
    public Map<Path, byte[]> files(Path dir, Progress progress) {
        return run.files(dir, results, progress);
    }
}
