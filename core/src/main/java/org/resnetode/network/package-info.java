/**
 * Whole networks on disk: the JSON network format and NumPy archives, read (validated, with the
 * file named in every message) and written atomically, for {@code inspect} and {@code train --save}/{@code --resume}.
 *
 * <p>Layer 4 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code scheme}, {@code model}, {@code io}, {@code checks}.
 * Must not import: {@code gradient}, {@code ode}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code
 * train}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.network;
