/**
 * The certified a-posteriori bound on the ResNet-to-ODE distance: outward-rounded interval arithmetic, validated
 * Taylor enclosures of the Neural ODE's flow for every family, the bound {@code ||x_N - z_N|| + r_N} and the depth
 * advisor (derivation: docs/derivations/bound.md).
 *
 * <p>Layer 4 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code scheme}, {@code model}, {@code linalg}, {@code stats}, {@code checks}.
 * Must not import: {@code gradient}, {@code ode}, {@code network}, {@code train.linear}, {@code symbolic}, {@code
 * train}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.bound;
