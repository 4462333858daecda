/**
 * Rate fits with confidence intervals, Richardson extrapolation and tightness ratios: plain numbers in,
 * plain numbers out.
 *
 * <p>Layer 1 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: nothing of the project.
 * Must not import: {@code io}, {@code linalg}, {@code rough}, {@code model}, {@code scheme}, {@code gradient},
 * {@code ode}, {@code network}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code train}, {@code claim},
 * {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.stats;
