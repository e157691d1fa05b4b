/**
 * Dependency-free special functions behind the interval estimators and significance tests: the
 * normal distribution, log-gamma, the regularized incomplete beta function and its inverse, and
 * Student's t distribution. Not exported: not part of the API.
 *
 * <p>Every function documents its method and reference; every loop has a fixed iteration bound, and
 * extreme but legal arguments return a value rather than throw. The tests compare each function with
 * Apache Commons Statistics / Numbers and with values computed by mpmath at 40–50 digits.
 */
package io.github.cxmetrics.internal.math;
