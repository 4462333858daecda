/**
 * The {@code resnet-ode} command and its subcommands: options parsed and refused here, everything else
 * delegated, thinly. The top of the graph: nothing imports it.
 *
 * <p>Layer 9 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code sweep}, {@code report}, {@code claim}, {@code symbolic}, {@code train}, {@code gradient}, {@code ode},
 * {@code network}, {@code train.linear}, {@code scheme}, {@code model}, {@code stats}, {@code linalg},
 * {@code checks}, {@code io}.
 * Must not import: nothing (the top of the graph).
 */
package org.resnetode.cli;
