/**
 * The mathematical objects of MATH.md section 1 that need no scheme: residual function families
 * {@code f(x, θ)} (value, VJPs in x and θ, certified constants), depth profiles θ(t), the weights θ_0..θ_K of a
 * network, norms and the families' registry.
 *
 * <p>Layer 2 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code rough}, {@code linalg}, {@code checks}.
 * Must not import: {@code scheme}, {@code gradient}, {@code ode}, {@code network}, {@code train.linear}, {@code
 * bound}, {@code symbolic}, {@code train}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.model;
