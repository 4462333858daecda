/**
 * Explicit Runge-Kutta schemes as data: exact Butcher tableaux that prove their order, the depth
 * convention ({@code DepthGrid}: steps, weight samples, h), the weight path θ(t) and where a stage reads it, forward
 * and reverse ({@code WeightPath}), one generic step with its exact VJP and its reverse, and {@code ResNet}, a family,
 * a scheme and weights run together. Tableau files are read here ({@code TableauFile}).
 *
 * <p>Layer 3 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code model}, {@code linalg}, {@code checks}, {@code io}.
 * Must not import: {@code gradient}, {@code ode}, {@code network}, {@code train.linear}, {@code bound}, {@code
 * symbolic}, {@code train}, {@code claim}, {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.scheme;
