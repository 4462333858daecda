/**
 * Training deep nonlinear ResNets followed by a linear head with a {@code GradientMethod}
 * (backprop or the adjoint): data sets and their readers, optimisers, checkpoints, depth resampling.
 *
 * <p>Layer 5 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code gradient}, {@code network}, {@code train.linear}, {@code scheme}, {@code model},
 * {@code linalg}, {@code checks}, {@code io}.
 * Must not import: {@code symbolic}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.train;
