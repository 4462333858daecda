/**
 * Sweeps of a grid of configurations of one claim measurement: the grid and its axes, each configuration a
 * serialisable task, one row per configuration (CSV and Parquet), summaries grouped by axes, a journal for
 * {@code --resume}, and the runners behind one interface (threads here; Spark in the spark module, found through
 * {@link java.util.ServiceLoader}).
 *
 * <p>Layer 8 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code report}, {@code claim}, {@code train}, {@code train.linear}, {@code network}, {@code scheme},
 * {@code model}, {@code stats}, {@code checks}, {@code io}.
 * Must not import: {@code cli}.
 */
package org.resnetode.sweep;
