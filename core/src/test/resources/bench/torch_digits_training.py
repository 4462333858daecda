"""PyTorch CPU timing of the toolkit's `train` workload on the bundled digits (bin/benchmark torch runs it).

The model of `resnet-ode train --data digits --depth N --hidden M --batch B --epochs E`: d = 64 features (pixels / 16),
the last 360 rows held out; an Euler ResNet x_{n+1} = x_n + (1/N) W2_n tanh(W1_n x_n) whose layers all start from one
draw (W1 entries N(0, 1/d), W2 entries N(0, 1/M): --init smooth --profile constant), then a linear head with 10 outputs
and cross-entropy; SGD with momentum 0.9, learning rate 0.1, float64, autograd (backprop). An epoch is one shuffled pass
of minibatches and the train and test accuracies, as the toolkit's epoch is.

usage: python3 torch_digits_training.py DIGITS_CSV_GZ N M B E THREADS
prints one JSON line: {"impl": "torch", "epoch_seconds": [...], "median_epoch_seconds": ..}
"""
import gzip, json, statistics, sys, time
import numpy as np
import torch


def main():
    path = sys.argv[1]
    depth, hidden, batch, epochs, threads = (int(a) for a in sys.argv[2:7])
    torch.set_num_threads(threads)
    torch.set_default_dtype(torch.float64)
    with gzip.open(path, "rt") as f:
        rows = np.loadtxt(f, delimiter=",")
    x = torch.tensor(rows[:, :64] / 16.0)
    y = torch.tensor(rows[:, 64].astype(np.int64))
    x_train, y_train, x_test, y_test = x[:-360], y[:-360], x[-360:], y[-360:]
    d, h = 64, 1.0 / depth
    gen = torch.Generator().manual_seed(1)
    w1 = (torch.randn(hidden, d, generator=gen) / d ** 0.5).repeat(depth, 1, 1).requires_grad_()
    w2 = (torch.randn(d, hidden, generator=gen) / hidden ** 0.5).repeat(depth, 1, 1).requires_grad_()
    head_w = (torch.randn(10, d, generator=gen) / d ** 0.5).requires_grad_()
    head_b = torch.zeros(10, requires_grad=True)
    params = [w1, w2, head_w, head_b]
    opt = torch.optim.SGD(params, lr=0.1, momentum=0.9)

    def logits(inputs):
        z = inputs
        for n in range(depth):
            z = z + h * torch.tanh(z @ w1[n].T) @ w2[n].T
        return z @ head_w.T + head_b

    def accuracy(inputs, labels):
        with torch.no_grad():
            return float((logits(inputs).argmax(1) == labels).double().mean())

    times = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        order = torch.randperm(len(x_train), generator=gen)
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            loss = torch.nn.functional.cross_entropy(logits(x_train[idx]), y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        accuracy(x_train, y_train)
        accuracy(x_test, y_test)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"impl": "torch", "depth": depth, "hidden": hidden, "batch": batch, "threads": threads,
                      "epoch_seconds": times, "median_epoch_seconds": statistics.median(times)}))


if __name__ == "__main__":
    main()
