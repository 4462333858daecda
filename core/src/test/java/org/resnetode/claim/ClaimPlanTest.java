package org.resnetode.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resnetode.linalg.Parallelism;

/** Several claims' tasks as one sweep: each plan gets its own tasks' results, in its order, and preparations run first. */
class ClaimPlanTest {


    private static ClaimResult result(String claim) {
        return new ClaimResult(claim, Map.of(), List.of(), List.of(), Verdict.HOLDS, List.of());
    }

    @Test
    void everyPlanAssemblesItsOwnTasksInOrder() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<Supplier<Integer>> first = List.of(() -> 1, () -> 2, () -> 3);
        List<Supplier<String>> second = List.of(() -> {
            events.add("task");
            return "a";
        }, () -> "b");
        ClaimPlan p1 = ClaimPlan.of(first, xs -> List.of(result("sum " + xs.stream().mapToInt(Integer::intValue).sum()),
                result("order " + xs)));
        ClaimPlan p2 = ClaimPlan.of(second, xs -> List.of(result(String.join("", xs))))
                .preparedBy(() -> events.add("prepared"));
        ClaimPlan p3 = ClaimPlan.of(List.of(() -> "x"), xs -> List.of(result("single " + xs.get(0))));
        assertThat(p1.size()).isEqualTo(3);
        assertThat(p3.size()).isEqualTo(1);
        for (int threads : new int[] {1, 2}) {
            events.clear();
            List<List<ClaimResult>> out = Parallelism.of(threads).call(() -> ClaimPlan.runAll(List.of(p1, p2, p3)));
            assertThat(out).hasSize(3);
            assertThat(out.get(0)).extracting(ClaimResult::claim).containsExactly("sum 6", "order [1, 2, 3]");
            assertThat(out.get(1)).extracting(ClaimResult::claim).containsExactly("ab");
            assertThat(out.get(2)).extracting(ClaimResult::claim).containsExactly("single x");
            assertThat(events).containsExactly("prepared", "task");
        }
        assertThat(p2.run()).extracting(ClaimResult::claim).containsExactly("ab");
    }
}
