/**
 * Fractional Brownian motion for rough weights (MATH.md section 7): exact sampling by circulant embedding
 * ({@link org.resnetode.rough.DaviesHarte}), the integral of a path sampled exactly from its Gaussian conditional law
 * ({@link org.resnetode.rough.PathIntegral}), and the closed-form mean-square quadrature error of a tableau's weights
 * ({@link org.resnetode.rough.QuadratureError}). Depends only on {@code checks}; {@code model}'s fbm profile builds on it.
 */
package org.resnetode.rough;
