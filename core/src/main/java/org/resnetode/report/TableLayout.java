package org.resnetode.report;

import java.util.List;
import java.util.function.Function;
import org.resnetode.claim.ClaimResult;

/** How a command's results are tabled: the stem of its files, the heading of its Markdown, each result's title and columns. */
public interface TableLayout {
    /** The file stem and command name, e.g. {@code distance}. */
    String name();

    /** The Markdown heading of its results, e.g. "Claim D: ResNet to Neural ODE distance". */
    String heading();

    /** The title of a result's table. */
    String title(ClaimResult result);

    /** The columns of a result's table. */
    List<Column> columns(ClaimResult result);

    /** A layout from its parts (for commands whose results come from no claim plan: inspect, linear-train). */
    static TableLayout of(String name, String heading, Function<ClaimResult, String> title, Function<ClaimResult, List<Column>> columns) {
        return new TableLayout() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String heading() {
                return heading;
            }

            @Override
            public String title(ClaimResult result) {
                return title.apply(result);
            }

            @Override
            public List<Column> columns(ClaimResult result) {
                return columns.apply(result);
            }
        };
    }
}
