package org.resnetode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph as the {@code package-info.java} files declare it: every package of {@code src/main/java} has one,
 * with its layer and the packages it may import, and its sources (imports and fully qualified names in code, comments
 * and strings left out) refer to no other package of the project. Every allowed import lies in a lower layer, so the
 * flow is one-way and has no cycle; the spine model → scheme → gradient/ode/train → claim → report → cli holds, with
 * checks and io at the bottom.
 */
class ArchitectureTest {
    /** The source roots of the modules: every package but cli in core, cli in its own (tests run in the repository root). */
    private static final List<Path> ROOTS = List.of(Path.of("core/src/main/java/org/resnetode"), Path.of("cli/src/main/java/org/resnetode"));
    private static final Path ROOT = ROOTS.get(0);
    private static final Pattern LAYER = Pattern.compile("Layer (\\d+) of the one-way flow");
    private static final Pattern MAY = Pattern.compile("May import: (.*?)\\.\\s*Must not import:");
    private static final Pattern MUST_NOT = Pattern.compile("Must not import: (.*?)\\.\\s*$");
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z.]+)}");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.resnetode\\.((?:[a-z][a-z0-9]*\\.)*)[A-Z*]");

    /** A package's declaration: its layer, what it may import, and what it says it must not. */
    record Rule(int layer, Set<String> may, Set<String> mustNot) {
    }

    @Test
    void everyPackageDeclaresItsLayerAndImports() {
        Map<String, Rule> rules = rules();
        assertThat(rules.keySet()).as("packages with sources").isEqualTo(packagesWithSources());
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            assertThat(e.getValue().layer()).as(e.getKey()).isBetween(0, 100);
        }
    }

    @Test
    void noPackageImportsOneItMustNot() {
        Map<String, Rule> rules = rules();
        List<String> violations = new ArrayList<>();
        for (String pkg : rules.keySet()) {
            for (Path file : sources(pkg)) {
                violations.addAll(violations(pkg, file.getFileName().toString(), read(file), rules));
            }
        }
        assertThat(violations).as("imports against the package-info declarations").isEmpty();
    }

    @Test
    void everyAllowedImportLiesInALowerLayerAndTheDeclarationsAgree() {
        Map<String, Rule> rules = rules();
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            Rule rule = e.getValue();
            Set<String> higher = new TreeSet<>();
            for (Map.Entry<String, Rule> other : rules.entrySet()) {
                if (!other.getKey().equals(e.getKey()) && other.getValue().layer() >= rule.layer()) {
                    higher.add(other.getKey());
                }
            }
            for (String allowed : rule.may()) {
                assertThat(rules).as("%s may import %s, which is not a package", e.getKey(), allowed).containsKey(allowed);
                assertThat(rules.get(allowed).layer()).as("%s (layer %d) may import %s", e.getKey(), rule.layer(), allowed)
                        .isLessThan(rule.layer());
            }
            assertThat(rule.mustNot()).as("%s's 'Must not import': the packages of its layer and above", e.getKey()).isEqualTo(higher);
        }
    }

    @Test
    void theSpineRunsOneWayWithChecksAndIoAtTheBottom() {
        Map<String, Rule> r = rules();
        assertThat(r.get("checks").layer()).isZero();
        assertThat(r.get("io").layer()).isEqualTo(1);
        int[] spine = {r.get("model").layer(), r.get("scheme").layer(),
                Math.max(r.get("gradient").layer(), Math.max(r.get("ode").layer(), r.get("train").layer())),
                r.get("claim").layer(), r.get("report").layer(), r.get("cli").layer()};
        for (int i = 1; i < spine.length; i++) {
            assertThat(spine[i]).as("step %d of model → scheme → gradient/ode/train → claim → report → cli", i).isGreaterThan(spine[i - 1]);
        }
        assertThat(Math.min(r.get("gradient").layer(), Math.min(r.get("ode").layer(), r.get("train").layer())))
                .isGreaterThan(r.get("scheme").layer());
        for (Map.Entry<String, Rule> e : r.entrySet()) {
            if (!e.getKey().equals("checks")) {
                assertThat(e.getValue().layer()).as(e.getKey() + " above checks").isGreaterThan(0);
            }
        }
    }

    /** Negative controls: the checker finds a forbidden import, a static import and a fully qualified name, and ignores comments and strings. */
    @Test
    void theCheckerSeesForbiddenReferencesAndOnlyThose() {
        Map<String, Rule> rules = rules();
        String bad = """
                package org.resnetode.model;
                import org.resnetode.linalg.Gemm;
                import org.resnetode.scheme.ResNet;
                import static org.resnetode.claim.Verdict.HOLDS;
                /** Mentions {@link org.resnetode.cli.Main} in a comment. */
                class Bad {
                    // org.resnetode.report.Json in a line comment
                    String s = "org.resnetode.cli.Main";
                    char c = '"';
                    Object o = new org.resnetode.train.linear.LinearTrainer(null, 1, null);
                }
                """;
        assertThat(violations("model", "Bad.java", bad, rules)).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("Bad.java:3").contains("org.resnetode.scheme"))
                .anySatisfy(v -> assertThat(v).contains("Bad.java:4").contains("org.resnetode.claim"))
                .anySatisfy(v -> assertThat(v).contains("Bad.java:10").contains("org.resnetode.train.linear"));
        String good = """
                package org.resnetode.claim;
                import org.resnetode.train.linear.LinearTrainer;
                import org.resnetode.claim.Verdict;
                import org.resnetode.checks.*;
                class Good {
                    String s = "org.resnetode.cli.Main \\" org.resnetode.report.Json";
                }
                """;
        assertThat(violations("claim", "Good.java", good, rules)).isEmpty();
        assertThat(violations("checks", "C.java", "package org.resnetode.checks; import org.resnetode.io.AtomicFiles;", rules))
                .singleElement().asString().contains("org.resnetode.io");
    }

    /** Each reference of {@code source} (in package {@code pkg}) to a package of the project that its rule does not allow. */
    static List<String> violations(String pkg, String file, String source, Map<String, Rule> rules) {
        String code = withoutCommentsAndLiterals(source);
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            String target = packageOf(m.group(1), rules.keySet());
            if (target == null || target.equals(pkg) || rules.get(pkg).may().contains(target)) {
                continue;
            }
            int line = 1 + (int) code.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
            out.add(String.format("%s/%s:%d refers to org.resnetode.%s, which %s may not import (it may import %s)",
                    pkg, file, line, target, pkg, rules.get(pkg).may()));
        }
        return out;
    }

    /** The longest known package the dotted prefix {@code path.} names ({@code train.linear.} before {@code train.}). */
    private static String packageOf(String dotted, Set<String> packages) {
        String path = dotted.endsWith(".") ? dotted.substring(0, dotted.length() - 1) : dotted;
        while (!path.isEmpty()) {
            if (packages.contains(path)) {
                return path;
            }
            int dot = path.lastIndexOf('.');
            path = dot < 0 ? "" : path.substring(0, dot);
        }
        return null;
    }

    /** The source with comments, string, text-block and character literals blanked (line breaks kept, for line numbers). */
    static String withoutCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(s, i, end, out);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                blank(s, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(s.length(), j + 1);
                blank(s, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    /** Every package's rule, read from its package-info.java (a package without one fails here, named). */
    static Map<String, Rule> rules() {
        Map<String, Rule> rules = new TreeMap<>();
        for (String pkg : packagesWithSources()) {
            Path info = directory(pkg).resolve("package-info.java");
            assertThat(info).as("org.resnetode.%s needs a package-info.java with its layer and imports", pkg).exists();
            String text = read(info).replace("/**", "").replace("*/", "").replaceAll("\\s*\\n\\s*\\*\\s?", " ");
            Matcher layer = LAYER.matcher(text);
            Matcher may = MAY.matcher(text);
            Matcher mustNot = MUST_NOT.matcher(text.substring(0, text.indexOf("package org.resnetode")).strip());
            assertThat(layer.find() && may.find() && mustNot.find())
                    .as("%s: package-info says 'Layer N of the one-way flow', 'May import: ...' and 'Must not import: ...'", info).isTrue();
            rules.put(pkg, new Rule(Integer.parseInt(layer.group(1)), names(may.group(1)), names(mustNot.group(1))));
        }
        return rules;
    }

    private static Set<String> names(String list) {
        Set<String> names = new TreeSet<>();
        Matcher m = CODE.matcher(list);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Packages (relative names such as {@code train.linear}) with at least one source besides package-info.java. */
    static Set<String> packagesWithSources() {
        Set<String> packages = new TreeSet<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
                        .forEach(f -> packages.add(root.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        packages.remove("");
        return packages;
    }

    private static List<Path> sources(String pkg) {
        try (Stream<Path> files = Files.list(directory(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(String pkg) {
        for (Path root : ROOTS) {
            if (Files.isDirectory(root.resolve(pkg.replace('.', '/')))) {
                return root.resolve(pkg.replace('.', '/'));
            }
        }
        return ROOT.resolve(pkg.replace('.', '/'));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
