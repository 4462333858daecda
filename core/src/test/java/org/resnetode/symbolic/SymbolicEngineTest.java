package org.resnetode.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class SymbolicEngineTest {

    @Test
    void exactIntegralComesBackAsARational() {
        assertThat(SymbolicEngine.eval("Integrate((2*s-1)^2,{s,0,1})")).isEqualTo("1/3");
    }

    @Test
    void outputIsOneLineAndParsesBackToTheSameExpression() {
        String series = SymbolicEngine.eval("Expand(Normal(Series(Exp(Sin(x)),{x,0,12})))");
        assertThat(series).doesNotContain("\n").contains("x^12");
        assertThat(SymbolicEngine.eval("Expand(" + series + ")")).isEqualTo(series);
    }

    @Test
    void numericValueIsFullDoublePrecision() {
        // int_0^1 e^x dx = e - 1
        assertThat(SymbolicEngine.evalNumeric("Integrate(Exp(x),{x,0,1})"))
                .isCloseTo(Math.expm1(1.0), within(2 * Math.ulp(Math.expm1(1.0))));
    }

    @Test
    void numericListIsReadInOrder() {
        // (1 + x)^3 = 1 + 3x + 3x^2 + x^3
        assertThat(SymbolicEngine.evalNumericList("CoefficientList(Expand((1+x)^3),x)"))
                .containsExactly(1.0, 3.0, 3.0, 1.0);
    }

    @Test
    void nonNumericResultIsRejected() {
        assertThatThrownBy(() -> SymbolicEngine.evalNumeric("a+1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a real number");
        assertThatThrownBy(() -> SymbolicEngine.evalNumericList("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a list");
    }

    @Test
    void symjaMessageBecomesAnException() {
        assertThatThrownBy(() -> SymbolicEngine.eval("Sin(x,y,z)"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Sin called with 3 arguments");
        // the engine is still usable afterwards
        assertThat(SymbolicEngine.eval("1+1")).isEqualTo("2");
    }

    @Test
    void syntaxErrorIsAnIllegalArgument() {
        assertThatThrownBy(() -> SymbolicEngine.eval("foo("))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("foo(");
    }

    @Test
    void concurrentCallersGetConsistentResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] futures = new Future<?>[8];
            for (int i = 0; i < futures.length; i++) {
                int k = i + 1;
                // int_0^1 x^k dx = 1/(k+1)
                futures[i] = pool.submit(() -> assertThat(
                        SymbolicEngine.evalNumeric("Integrate(x^" + k + ",{x,0,1})"))
                        .isCloseTo(1.0 / (k + 1), within(1e-15)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void firstUseInAFreshJvmPrintsNothing() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SymjaQuietnessProbe.class.getName()).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
        errReader.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        errReader.join();
        assertThat(exit).as("exit code, stderr: %s", err).isZero();
        assertThat(out).as("stdout").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
    }

    private static void copy(InputStream in, ByteArrayOutputStream sink) {
        try {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
