package org.resnetode.sweep;

import org.resnetode.train.DataReader;
import org.resnetode.train.Dataset;

/** The bundled digits split as {@code train} splits them (the last 360 rows held out), read once per JVM. */
final class TrainData {
    private TrainData() {
    }

    private static final class Holder {
        static final Dataset.Split SPLIT = DataReader.digits().split(DataReader.DIGITS_TEST_ROWS);
    }

    static Dataset.Split split() {
        return Holder.SPLIT;
    }
}
