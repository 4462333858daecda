/**
 * Bytes in and out: atomic writes ({@code AtomicFiles}: temporary file, then a move; all or none of a
 * set), a small JSON reader, NumPy {@code .npy}/{@code .npz} arrays. Knows nothing of networks or claims: the readers
 * above it give the bytes their meaning.
 *
 * <p>Layer 1 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code checks}.
 * Must not import: {@code linalg}, {@code stats}, {@code rough}, {@code model}, {@code scheme}, {@code gradient},
 * {@code ode}, {@code network}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code train}, {@code claim},
 * {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.io;
