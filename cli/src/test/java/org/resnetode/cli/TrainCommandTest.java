package org.resnetode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resnetode.network.NetworkFile;
import org.resnetode.io.JsonReader;

/** {@code train}: JSON lines, --save/--resume, bad input (exit 2, nothing written), divergence (exit 1, checkpoint kept). */
class TrainCommandTest {
    @TempDir
    Path dir;

    static final String[] SMALL = {"train", "--train-rows", "64", "--hidden", "4", "-q"};

    /** A small digits run (64 training rows, hidden 4, depth 3 unless given). */
    static CliTest.Run train(String... extra) {
        List<String> a = new ArrayList<>(List.of(SMALL));
        a.addAll(List.of(extra));
        if (!a.contains("--depth")) {
            a.addAll(List.of("--depth", "3"));
        }
        return CliTest.run(a.toArray(String[]::new));
    }

    @Test
    void printsOneJsonLinePerEpochAndSavesTheNetwork() {
        Path model = dir.resolve("m.json");
        CliTest.Run r = train("--epochs", "2", "--gradient", "adjoint", "--save", model.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> e2 = (java.util.Map<String, Object>) JsonReader.parse(lines.get(1));
        // the adjoint keeps X~ and P (2 B d); a batch of 64 runs as two row blocks, whose outputs and adjoints are joined for the loss (2 B d)
        assertThat(e2).containsEntry("epoch", 2L).containsEntry("gradient", "adjoint").containsEntry("depth", 3L)
                .containsEntry("storedStateDoubles", 4L * 64 * 64).containsKeys("loss", "trainAccuracy", "testAccuracy", "seconds",
                        "smoothness");
        NetworkFile saved = NetworkFile.read(model);
        assertThat(saved.shape()).isEqualTo("mlp d=64 hidden=4 depth 3 euler, head 10 outputs (cross-entropy)");
        assertThat(saved.training()).containsEntry("epochs", 2L).containsEntry("gradient", "adjoint");
    }

    @Test
    void resumeContinuesTheEpochsAndRefusesAnotherShape() throws IOException {
        Path model = dir.resolve("m.json");
        assertThat(train("--epochs", "1", "--save", model.toString()).code()).isEqualTo(0);
        String first = Files.readString(model);
        CliTest.Run r = train("--epochs", "1", "--resume", model.toString(), "--save", model.toString());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).startsWith("{\"epoch\": 2,");
        assertThat(Files.readString(model)).isNotEqualTo(first);
        CliTest.Run wrong = train("--epochs", "1", "--depth", "5", "--resume", model.toString(), "--save", dir.resolve("x.json").toString());
        assertThat(wrong.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(wrong.err().strip()).isEqualTo("resnet-ode: " + model + " holds mlp d=64 hidden=4 depth 3 euler, head 10 outputs "
                + "(cross-entropy); this run trains mlp d=64 hidden=4 depth 5 euler, head 10 outputs (cross-entropy)");
        assertThat(wrong.out()).isEmpty();
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void divergenceExitsOneWithTheStepAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path data = dir.resolve("r.csv");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(i % 7).append(',').append(i % 3).append(',').append(10 * (i % 5)).append('\n');
        }
        Files.writeString(data, sb.toString());
        Path model = dir.resolve("m.json");
        String[] base = {"train", "--data", data.toString(), "--targets", "1", "--depth", "2", "--batch", "8", "-q",
                "--save", model.toString(), "--epochs", "1"};
        List<String> good = new ArrayList<>(List.of(base));
        good.addAll(List.of("--lr", "1e-4"));
        assertThat(CliTest.run(good.toArray(String[]::new)).code()).isEqualTo(0);
        String checkpoint = Files.readString(model);
        List<String> bad = new ArrayList<>(List.of(base));
        bad.addAll(List.of("--lr", "50", "--resume", model.toString()));
        CliTest.Run r = CliTest.run(bad.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("training diverged at epoch 2, step ").contains("try a smaller --lr (now 50.0)")
                .contains(model + " is left as it was");
        assertThat(Files.readString(model)).isEqualTo(checkpoint);
        CliTest.Run fresh = CliTest.run("train", "--data", data.toString(), "--targets", "1", "--depth", "2", "--batch", "8", "-q",
                "--save", dir.resolve("n.json").toString(), "--lr", "50");
        assertThat(fresh.code()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        assertThat(fresh.err()).contains("nothing was saved (no epoch finished)");
        assertThat(dir.resolve("n.json")).doesNotExist();
    }

    @Test
    void aLearningRateThatOverflowsTheWeightsIsDivergenceNotATrainedNetwork() {
        // 64 rows, batch 64: one step per epoch, whose loss (before the step) is finite; after the step the forward pass over
        // the training rows is NaN. Before: exit 0 with an epoch line of null losses and a saved network that computes NaN
        Path model = dir.resolve("m.json");
        CliTest.Run r = train("--lr", "1e300", "--epochs", "2", "--save", model.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED_CLAIM);
        assertThat(r.err().strip()).startsWith("resnet-ode: training diverged at epoch 1, step 1: loss NaN over the training rows")
                .contains("try a smaller --lr (now 1.0E300)").contains("nothing was saved");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        assertThat(model).doesNotExist();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--init iid|--init does not apply with --resume",
            "--profile fourier|--profile does not apply with --resume",
            "--amplitude 2 --profile fourier|does not apply with --resume"})
    void initialisationOptionsAreRefusedWithResume(String args, String message) throws IOException {
        Path model = dir.resolve("m.json");
        assertThat(train("--epochs", "1", "--save", model.toString()).code()).isZero();
        List<String> a = new ArrayList<>(List.of(args.split(" ")));
        a.addAll(List.of("--epochs", "1", "--resume", model.toString()));
        CliTest.assertBadInput(train(a.toArray(String[]::new)), message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1,2,0;1,x,1|line 2, column 2: expected a number, found 'x'",
            "1,2,0;1,2|line 2 has 2 columns, expected 3 as on line 1",
            "1,2,0;1,2,12|line 2, column 3: label 12 is outside the classes 0..9",
            "1,NaN,0;1,2,1|line 1, column 2: expected a finite number, found 'NaN'",
            "1,-Infinity,0;1,2,1|line 1, column 2: expected a finite number, found '-Infinity'"})
    void malformedDataFilesExitTwoWritingNothing(String text, String message) throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, text.replace(';', '\n'));
        Path model = dir.resolve("m.json");
        CliTest.Run r = CliTest.run("train", "--data", data.toString(), "--save", model.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("resnet-ode: " + data + " " + message);
        assertThat(r.out()).isEmpty();
        assertThat(model).doesNotExist();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--gradient sgd|unknown gradient method 'sgd' (expected backprop or adjoint)",
            "--init he|unknown initialisation 'he'",
            "--optimiser rmsprop|unknown optimiser 'rmsprop'",
            "--epochs 0|epochs must be at least 1, got 0",
            "--depth 0|depth must be at least 1",
            "--batch 0|batch size must be at least 1, got 0",
            "--lr -1|learning rate must be a positive finite number, got -1.0",
            "--momentum 1|momentum must be in [0, 1), got 1.0",
            "--family rnn|unknown family 'rnn'",
            "--scheme rk7|unknown scheme 'rk7'",
            "--test-rows 1797|must leave at least one training row",
            "--data nope.csv|data file nope.csv does not exist",
            "--resume nope.json|network file nope.json does not exist",
            "--bogus|Unknown option: '--bogus'",
            "--save /etc/hostname/m.json|--save /etc/hostname/m.json cannot be written",
            "--save /tmp|--save /tmp is a directory, expected a file name"})
    void badOptionsExitTwo(String args, String message) {
        CliTest.assertBadInput(train(args.split(" ")), message);
    }

    @Test
    void realTargetsReportNoAccuracyAndAdamTrains(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("r.csv");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(i % 5 * 0.1).append(',').append(i % 3 * 0.1).append(',').append(i % 5 * 0.1 - i % 3 * 0.1).append('\n');
        }
        Files.writeString(data, sb.toString());
        CliTest.Run r = CliTest.run("train", "--data", data.toString(), "--targets", "1", "--depth", "2", "--batch", "4", "-q",
                "--optimiser", "adam", "--lr", "0.01", "--epochs", "3");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"trainAccuracy\": null, \"testAccuracy\": null"));
        double first = ((Number) ((java.util.Map<?, ?>) JsonReader.parse(lines.get(0))).get("loss")).doubleValue();
        double last = ((Number) ((java.util.Map<?, ?>) JsonReader.parse(lines.get(2))).get("loss")).doubleValue();
        assertThat(last).isLessThan(first);
    }

    @Test
    void helpDescribesTheCommand() {
        CliTest.Run r = CliTest.run("train", "--help");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("--gradient").contains("--resume").contains("digits");
        assertThat(CliTest.run("finetune", "--help").out()).contains("--full");
    }
}
