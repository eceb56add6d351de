"""CPU time per batch of PyTorch's training step on one thread, for a shared machine: process time (not
wall time) of the step on a fixed batch of 256 rows (no gather), 32→64→64→1 and 32→256→256→1, MSE, Adam,
loss.item() every batch; the best of 15 rounds. Its pair is dense-engine-cpu-time.ts (the fused engine,
the same step, Node's process.cpuUsage). Run: /usr/bin/python3 bench/reference/torch-cpu-time.py
"""

import time

import torch

torch.set_num_threads(1)
torch.manual_seed(0)
for hidden in (64, 256):
    x = torch.randn(256, 32)
    y = torch.randn(256, 1)
    model = torch.nn.Sequential(
        torch.nn.Linear(32, hidden),
        torch.nn.ReLU(),
        torch.nn.Linear(hidden, hidden),
        torch.nn.ReLU(),
        torch.nn.Linear(hidden, 1),
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        loss = torch.nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(30):
        step()
    n = 60 if hidden == 64 else 10
    best = float("inf")
    for _ in range(15):
        start = time.process_time()
        for _ in range(n):
            step()
        best = min(best, (time.process_time() - start) / n)
    print(f"32→{hidden}→{hidden}→1: {256 / best:,.0f} samples/s of CPU time (PyTorch {torch.__version__}, 1 thread)")
