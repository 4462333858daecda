/**
 * Gradient methods ({@code GradientMethod}): {@code Backprop}, which stores the trajectory, and the
 * memory-free {@code Adjoint}, which recovers it with the scheme's reverse step; both on the whole batch in row blocks,
 * on the threads of the {@code Parallelism} they carry or of the calling work, and both report what they stored.
 *
 * <p>Layer 4 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code scheme}, {@code model}, {@code linalg}, {@code checks}.
 * Must not import: {@code ode}, {@code network}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code
 * train}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.gradient;
