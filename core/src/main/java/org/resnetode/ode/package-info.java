/**
 * The Neural ODE reference solution {@code x'(t) = f(x(t), θ(t))} with θ(t) the network's weight path:
 * Dormand-Prince 8(5,3), integrated knot interval by knot interval, self-checked at a 10× tighter tolerance, refusing
 * to report a distance it cannot certify.
 *
 * <p>Layer 4 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code scheme}, {@code model}, {@code linalg}, {@code checks}.
 * Must not import: {@code gradient}, {@code network}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code
 * train}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.ode;
