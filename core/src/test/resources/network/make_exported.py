"""Writes exported_mlp.npz: what a user exports from a PyTorch ResNet whose block n computes
x + (1/N) fc2(tanh(fc1(x))) without biases (fc1.weight is W1 (m x d), fc2.weight is W2 (d x m)), stacked
over layers on the first axis, with a batch of inputs and targets, and, computed here by NumPy
independently of the Java code, the outputs x_N and the gradients of L = 1/2 mean_i ||x_N(x_i) - y_i||^2
(Euler, h = 1/N). Run once: python3 make_exported.py. inspect must reproduce outputs and gradients."""
import numpy as np

rng = np.random.default_rng(20261127)
N, d, m, B = 16, 4, 6, 3
t = (np.arange(N) / N)[:, None, None]
# smooth in depth: a constant draw plus a slow sine, as a trained network might look
W1 = rng.standard_normal((1, m, d)) / d ** 0.5 + 0.3 * np.sin(2 * np.pi * t) * rng.standard_normal((1, m, d))
W2 = rng.standard_normal((1, d, m)) / m ** 0.5 + 0.3 * np.cos(2 * np.pi * t) * rng.standard_normal((1, d, m))
x0 = rng.standard_normal((B, d))
y = rng.standard_normal((B, d))
h = 1.0 / N

xs = [x0]
for n in range(N):
    xs.append(xs[-1] + h * np.tanh(xs[-1] @ W1[n].T) @ W2[n].T)
xN = xs[-1]
p = (xN - y) / B
g1 = np.zeros_like(W1)
g2 = np.zeros_like(W2)
for n in reversed(range(N)):
    u = np.tanh(xs[n] @ W1[n].T)
    g2[n] = h * p.T @ u
    q = (p @ W2[n]) * (1 - u ** 2) * h
    g1[n] = q.T @ xs[n]
    p = p + q @ W1[n]
np.savez('exported_mlp.npz', W1=W1, W2=W2, inputs=x0, targets=y, outputs=xN, grad_W1=g1, grad_W2=g2)
