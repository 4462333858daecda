package org.resnetode.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.resnetode.checks.BadInputException;
import org.resnetode.sweep.Runner;
import org.resnetode.sweep.SweepMeasure;
import org.resnetode.sweep.SweepRow;
import org.resnetode.sweep.SweepTask;

/**
 * Runs a sweep on Apache Spark: the configurations as an RDD, each partition measured by {@link SweepMeasure#run} (the
 * same code as the thread runner), the rows collected and put back in grid order. The tasks go in waves of a few
 * partitions per core so that the rows of each finished wave reach the journal (and {@code --resume}) while the sweep
 * runs. A task lost with its executor is run again by Spark ({@code spark.task.maxFailures}); since a row depends only
 * on its configuration, the rows are the same whatever the master, the partitioning, the retries or the order in which
 * tasks finish.
 */
public final class SparkRunner implements Runner {
    /** How long the master of a {@code spark://} URL may take to accept a connection before the sweep gives up. */
    static final int MASTER_TIMEOUT_MS = 10_000;
    /** Attempts of a task before the sweep fails (a task lost with a killed worker is run again). */
    static final int TASK_ATTEMPTS = 4;

    private final String master;

    public SparkRunner(String master) {
        this.master = master;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<SweepRow> run(List<SweepTask> tasks, Consumer<SweepRow> done) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        requireReachable(master);
        SparkConf conf = new SparkConf().setAppName("resnet-ode sweep").setMaster(local(master))
                .set("spark.ui.enabled", "false")
                .set("spark.task.maxFailures", String.valueOf(TASK_ATTEMPTS))
                .set("spark.driver.host", System.getProperty("spark.driver.host", "127.0.0.1"))
                .set("spark.driver.bindAddress", System.getProperty("spark.driver.bindAddress", "127.0.0.1"));
        String jar = ownJar();
        if (jar != null && !master.startsWith("local")) {
            conf.set("spark.jars", jar);
        }
        List<SweepRow> rows = new ArrayList<>(tasks.size());
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            int partitions = 4 * Math.max(1, sc.defaultParallelism());
            int perPartition = Math.max(1, Math.min(64, (tasks.size() + partitions - 1) / partitions));
            int wave = perPartition * partitions;
            for (int from = 0; from < tasks.size(); from += wave) {
                List<SweepTask> part = tasks.subList(from, Math.min(tasks.size(), from + wave));
                int slices = (part.size() + perPartition - 1) / perPartition;
                List<SweepRow> measured = sc.parallelize(new ArrayList<>(part), slices)
                        .mapPartitions(SparkRunner::measure).collect();
                List<SweepRow> sorted = new ArrayList<>(measured);
                sorted.sort(Comparator.comparingInt(SweepRow::index));
                sorted.forEach(done);
                rows.addAll(sorted);
            }
        }
        rows.sort(Comparator.comparingInt(SweepRow::index));
        return rows;
    }

    /** One partition's rows. */
    private static Iterator<SweepRow> measure(Iterator<SweepTask> tasks) {
        List<SweepRow> out = new ArrayList<>();
        while (tasks.hasNext()) {
            out.add(SweepMeasure.run(tasks.next()));
        }
        return out.iterator();
    }

    /** {@code local[N]} retries a failed task like a cluster does ({@code local[N,F]}); other masters as given. */
    static String local(String master) {
        if (master.matches("local\\[(\\*|[1-9][0-9]{0,3})]")) {
            return master.substring(0, master.length() - 1) + "," + TASK_ATTEMPTS + "]";
        }
        if (master.equals("local")) {
            return "local[1," + TASK_ATTEMPTS + "]";
        }
        return master;
    }

    /**
     * Refuses at once a master that cannot be used: a {@code spark://host:port} that does not accept a connection within
     * {@link #MASTER_TIMEOUT_MS} (Spark itself would retry for a minute), or a URL of no known form.
     */
    static void requireReachable(String master) {
        if (master.startsWith("local") || master.equals("yarn") || master.startsWith("k8s://")) {
            if (master.startsWith("local") && !master.equals("local") && !master.matches("local\\[(\\*|[1-9][0-9]{0,3})(,[1-9][0-9]{0,2})?]")) {
                throw new BadInputException("--master " + master + ": expected local, local[N], local[*] or local[N,F]");
            }
            return;
        }
        if (!master.startsWith("spark://")) {
            throw new BadInputException("--master " + org.resnetode.checks.Printable.of(master, 60)
                    + ": expected local[*], local[N], spark://HOST:PORT, yarn or k8s://...");
        }
        URI uri;
        try {
            uri = URI.create(master);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--master " + org.resnetode.checks.Printable.of(master, 60) + ": not a URL", e);
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new BadInputException("--master " + master + ": expected spark://HOST:PORT");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), MASTER_TIMEOUT_MS);
        } catch (IOException e) {
            throw new BadInputException("--master " + master + ": cannot reach the Spark master (" + e.getMessage() + ")", e);
        }
    }

    /** The jar this class was loaded from (shipped to a cluster's executors), or null when run from class directories. */
    private static String ownJar() {
        try {
            Path p = Path.of(SparkRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
