package org.resnetode.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resnetode.claim.ClaimResult;

/** Results rendered in a {@link TableLayout}: plain-text tables, JSON, and the files {@code name.json, .md, .tex, .csv}. */
public final class ClaimFiles {
    private ClaimFiles() {
    }

    /**
     * {@code dir/name.json}, {@code .md}, {@code .tex} (booktabs tables) and {@code .csv} (every row), for the caller to
     * write as one set with its other files.
     */
    public static Map<Path, byte[]> tables(TableLayout layout, Path dir, List<ClaimResult> results) {
        StringBuilder md = new StringBuilder("## ").append(layout.heading()).append("\n\n");
        StringBuilder tex = new StringBuilder();
        for (ClaimResult r : results) {
            md.append(Tables.markdown(layout.title(r), r, layout.columns(r))).append('\n');
            tex.append(Latex.table(layout.title(r), r, layout.columns(r))).append('\n');
        }
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(dir.resolve(layout.name() + ".json"), utf8(json(results) + "\n"));
        files.put(dir.resolve(layout.name() + ".md"), utf8(md.toString()));
        files.put(dir.resolve(layout.name() + ".tex"), utf8(tex.toString()));
        files.put(dir.resolve(layout.name() + ".csv"), utf8(Csv.rows(results)));
        return files;
    }

    /** The results as plain-text tables, each followed by an empty line. */
    public static String text(TableLayout layout, List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder();
        for (ClaimResult r : results) {
            sb.append(Tables.text(layout.title(r), r, layout.columns(r))).append('\n');
        }
        return sb.toString();
    }

    /** One result as its JSON object, several as an array. */
    public static String json(List<ClaimResult> results) {
        return results.size() == 1 ? Json.write(results.get(0)) : Json.writeAll(results);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
