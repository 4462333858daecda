package org.resnetode.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resnetode.checks.BadInputException;

/** The JSON reader: values, and the refusals that keep a file from being half read. */
class JsonReaderTest {
    @Test
    void readsObjectsArraysAndNumbers() {
        assertThat(JsonReader.parse("{\"a\": [1, 2.5, \"x\", true, null], \"b\": {}}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, "x", true, null), "b", Map.of()));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotOverwritten() {
        // {"claim": "distance", "claim": "adjoint"} ran the adjoint grid without a word about the first value
        assertThatThrownBy(() -> JsonReader.parse("{\"claim\": \"distance\", \"claim\": \"adjoint\"}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("malformed JSON at offset 22: the key \"claim\" appears twice in one object");
        assertThat(JsonReader.parse("[{\"k\": 1}, {\"k\": 2}]")).isEqualTo(List.of(Map.of("k", 1L), Map.of("k", 2L)));
    }
}
