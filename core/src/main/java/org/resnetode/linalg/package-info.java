/**
 * The dense kernels every hot loop calls: blocked matrix products ({@code Gemm}) and maps
 * ({@code Elementwise}, {@code Gemv}) on caller-owned {@code double[]} blocks, with a fixed reduction order, and
 * {@code Parallelism}, the thread count a piece of work carries (results are bitwise identical for every count).
 *
 * <p>Layer 1 of the one-way flow (checks; io, linalg, stats, rough; model; scheme; gradient, ode, network,
 * train.linear, bound; symbolic, train; claim; report; sweep; cli): a package imports only packages of lower layers.
 * May import: nothing of the project.
 * Must not import: {@code io}, {@code stats}, {@code rough}, {@code model}, {@code scheme}, {@code gradient}, {@code
 * ode}, {@code network}, {@code train.linear}, {@code bound}, {@code symbolic}, {@code train}, {@code claim}, {@code
 * report}, {@code sweep}, {@code cli}.
 */
package org.resnetode.linalg;
