package org.resnetode.report;

import java.util.List;
import org.resnetode.claim.ClaimResult;

/** Table of the memory claim: counted stored doubles and measured allocation of both gradient methods. */
public final class MemoryReport {
    public static final List<Column> COLUMNS = List.of(
            new Column("N", "N", "%d"),
            new Column("backpropStored", "backprop stored doubles", "%d"),
            new Column("adjointStored", "adjoint stored doubles", "%d"),
            new Column("backpropAllocatedBytes", "backprop allocated B", "%d"),
            new Column("adjointAllocatedBytes", "adjoint allocated B", "%d"),
            new Column("backpropSeconds", "backprop s", "%.3f"),
            new Column("adjointSeconds", "adjoint s", "%.3f"));

    private MemoryReport() {
    }

    public static String title(ClaimResult r) {
        return "Memory: backprop vs adjoint (" + r.config().get("family") + ", d=" + r.config().get("dim")
                + ", tied weights)";
    }
}
