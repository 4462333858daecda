/**
 * One class per claim of the paper (distance, regularization, adjoint, Heun, memory, fine-tuning): a
 * claim plans its configurations as independent tasks ({@code SweepRunner}, {@code ClaimPlan}), measures them, compares
 * with the symbolic prediction and its negative controls, and returns {@code ClaimResult}s with a verdict.
 *
 * <p>Layer 6 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code bound}, {@code rough}, {@code symbolic}, {@code train}, {@code gradient}, {@code ode}, {@code network},
 * {@code train.linear}, {@code scheme}, {@code model}, {@code stats}, {@code linalg}, {@code checks}, {@code io}.
 * Must not import: {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.claim;
