/**
 * The exact and symbolic layer: Symja expansions in h = 1/N, exact rational forward passes
 * ({@code ExactResNet}), closed-form linear trajectories and the bounds as expressions; every symbolic result is
 * cross-checked numerically before it is trusted.
 *
 * <p>Layer 5 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code bound}, {@code gradient}, {@code ode}, {@code scheme}, {@code model}, {@code linalg}, {@code checks}.
 * Must not import: {@code train}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.symbolic;
