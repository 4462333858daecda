package org.resnetode.gradient;

/**
 * What a gradient computation returns besides the gradient: the loss and the largest number of state
 * doubles it kept alive at once (activations and adjoint, per sample: samples are processed one at a time).
 */
public record GradientReport(double loss, long storedStateDoubles) {
}
