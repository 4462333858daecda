/**
 * Writers of claim results: tables (CSV, Markdown, LaTeX), JSON, verdicts and plots into
 * {@code proofs-data/}, every output through the atomic set. Reads results, never runs a measurement.
 *
 * <p>Layer 7 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code claim}, {@code train.linear}, {@code stats}, {@code checks}, {@code io}.
 * Must not import: {@code sweep}, {@code cli}.
 */
package org.resnetode.report;
