/**
 * Linear ResNets trained by gradient descent (MATH.md section 3): the prefix/suffix gradient sweeps,
 * the depth-scaled step, the matrix and data losses, and the smoothness and limit-distance tracking of Claim R.
 *
 * <p>Layer 4 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code model}, {@code linalg}, {@code checks}, {@code io}.
 * Must not import: {@code gradient}, {@code ode}, {@code network}, {@code bound}, {@code symbolic}, {@code train},
 * {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.train.linear;
