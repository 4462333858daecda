package org.resnetode.claim;

import java.lang.management.ManagementFactory;
import org.resnetode.gradient.GradientMethod;
import org.resnetode.gradient.GradientReport;
import org.resnetode.scheme.ResNet;

/**
 * One gradient computation measured two ways: the state doubles the method says it kept alive, and the
 * bytes the JVM allocated on this thread while it ran (HotSpot's per-thread allocation counter).
 */
public record MemoryMeasurement(String method, int depth, long storedStateDoubles, long allocatedBytes, double seconds) {

    public static MemoryMeasurement measure(GradientMethod method, ResNet net, double[][] inputs, double[][] targets,
                                            double[] gradient) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long t0 = System.nanoTime();
        GradientReport report = method.compute(net, inputs, targets, gradient);
        long t1 = System.nanoTime();
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        return new MemoryMeasurement(method.name(), net.depth(), report.storedStateDoubles(), allocated, (t1 - t0) / 1e9);
    }

    /** The fewer allocated bytes and the shorter time of two measurements of the same computation. */
    public MemoryMeasurement smaller(MemoryMeasurement other) {
        return new MemoryMeasurement(method, depth, storedStateDoubles, Math.min(allocatedBytes, other.allocatedBytes),
                Math.min(seconds, other.seconds));
    }
}
