/**
 * Fractional Brownian motion for rough weights (MATH.md section 7): exact sampling by circulant embedding
 * ({@link org.resnetode.rough.DaviesHarte}), the integral of a path sampled exactly from its Gaussian conditional law
 * ({@link org.resnetode.rough.PathIntegral}), and the closed-form mean-square quadrature error of a tableau's weights
 * ({@link org.resnetode.rough.QuadratureError}). {@code model}'s fbm profile builds on it.
 *
 * <p>Layer 1 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: {@code checks}.
 * Must not import: {@code io}, {@code linalg}, {@code stats}, {@code model}, {@code scheme}, {@code gradient},
 * {@code ode}, {@code network}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code train}, {@code claim},
 * {@code report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.rough;
