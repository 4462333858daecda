/**
 * The one judge of input values: {@code Checks} (positive, finite, shape, range, name) and
 * {@code BadInputException}, the exception that means "bad input" (exit 2) wherever it is thrown, and
 * {@code Printable}, which makes user text safe to quote in a one-line message. The bottom of the graph, so that
 * every config record and reader can call it.
 *
 * <p>Layer 0 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: nothing of the project.
 * Must not import: {@code io}, {@code linalg}, {@code stats}, {@code rough}, {@code model}, {@code scheme}, {@code
 * gradient}, {@code ode}, {@code network}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code train},
 * {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.checks;
