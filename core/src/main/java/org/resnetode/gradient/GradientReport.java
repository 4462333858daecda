package org.resnetode.gradient;

/**
 * What a gradient computation returns besides the gradient: the loss and the largest number of state
 * doubles it kept alive at once for the whole batch (activations and adjoints of every sample).
 */
public record GradientReport(double loss, long storedStateDoubles) {
}
