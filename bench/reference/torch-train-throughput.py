"""PyTorch's side of `npm run bench -- --only train-throughput` (issue 19): the studio's training step on
the issue's shapes, in PyTorch on the CPU, with the settings the bench gives Benchtop.

Shapes: MLPs 32→64→64→1 and 32→256→256→1 (ReLU, linear output), MSE, Adam (lr 1e-3), batch 256, on
8,192 seeded rows of 32 features (a smooth non-linear target plus noise). Each epoch a fresh `randperm`;
each batch: index the rows, forward, loss, backward, step, and `loss.item()` read back, as the studio
reads its sums every batch. Figures per thread count (`torch.set_num_threads`): the best 500 ms round of
a ≥ 3 s timed stretch after a ≥ 3 s warm-up (and the stretch's mean), plus the wall time of one epoch
over 1,000,000 rows × 32 features at batch 256 (the same step, one pass, after one warm-up epoch of
the small table).

Run: /usr/bin/python3 bench/reference/torch-train-throughput.py [--quick] [--threads 1,2] [--device cuda] [--out FILE]
--device cuda puts the table, the model and the shuffles on the GPU (the reference for bench/webgpu-dawn on
the device machine); `loss.item()` each batch then waits for the GPU, as the studio's `await data()` does.
Prints JSON; with --out writes it there too. The bench runs it live when Debian's python3-torch is
installed, and otherwise prints the checked-in torch-train-throughput.json beside Benchtop's figures
(tests never need Python).
"""

import argparse
import json
import os
import platform
import sys
import time

import torch

FEATURES = 32
ROWS = 8192
BATCH = 256
HIDDEN = [64, 256]
EPOCH_ROWS = 1_000_000
DEVICE = torch.device("cpu")


def seeded_table(rows, features, seed):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(rows, features, generator=generator)
    y = torch.sin(x * torch.arange(1, features + 1)).mean(1, keepdim=True)
    return x.to(DEVICE), (y + 0.1 * torch.randn(rows, 1, generator=generator)).to(DEVICE)


def mlp(features, hidden):
    return torch.nn.Sequential(
        torch.nn.Linear(features, hidden),
        torch.nn.ReLU(),
        torch.nn.Linear(hidden, hidden),
        torch.nn.ReLU(),
        torch.nn.Linear(hidden, 1),
    )


def stepper(model, x, y):
    """One batch per call over a fresh permutation each epoch; returns the batch's loss as a float."""
    model = model.to(DEVICE)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    rows = x.shape[0]
    per_epoch = rows // BATCH
    state = {"perm": None, "i": per_epoch}

    def step():
        if state["i"] == per_epoch:
            state["perm"] = torch.randperm(rows, device=DEVICE)
            state["i"] = 0
        idx = state["perm"][state["i"] * BATCH : (state["i"] + 1) * BATCH]
        state["i"] += 1
        loss = torch.nn.functional.mse_loss(model(x[idx]), y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()

    return step, per_epoch


def throughput(hidden, timing, x, y):
    torch.manual_seed(42)
    step, per_epoch = stepper(mlp(FEATURES, hidden), x, y)
    start = time.perf_counter()
    n = 0
    while n < per_epoch and (n < timing["min_batches"] / 2 or (time.perf_counter() - start) * 1000 < timing["warmup_ms"]):
        step()
        n += 1
    start = round_start = time.perf_counter()
    n = round_n = rounds = 0
    elapsed = best = 0.0
    loss = float("nan")
    while n < 2 or (elapsed < timing["max_ms"] and (elapsed < timing["min_ms"] or n < timing["min_batches"])):
        loss = step()
        n += 1
        round_n += 1
        now = time.perf_counter()
        elapsed = (now - start) * 1000
        if (now - round_start) * 1000 >= timing["round_ms"]:
            best = max(best, round_n * BATCH / (now - round_start))
            rounds += 1
            round_start = now
            round_n = 0
    mean = n * BATCH / (elapsed / 1000)
    return {
        "hidden": hidden,
        "samplesPerSecond": max(best, mean),
        "meanSamplesPerSecond": mean,
        "rounds": rounds,
        "batches": n,
        "lastLoss": loss,
    }


def million_row_epoch(hidden, rows):
    """Wall time of one shuffled epoch over `rows` rows × 32 at batch 256 (the table made beforehand)."""
    x, y = seeded_table(rows, FEATURES, 7)
    torch.manual_seed(42)
    step, per_epoch = stepper(mlp(FEATURES, hidden), x, y)
    for _ in range(min(per_epoch, 32)):
        step()  # warm-up: the first allocations
    # A fresh epoch: the stepper's counter back to the start.
    step, per_epoch = stepper(mlp(FEATURES, hidden), x, y)
    start = time.perf_counter()
    loss = float("nan")
    for _ in range(per_epoch):
        loss = step()
    seconds = time.perf_counter() - start
    return {"hidden": hidden, "rows": rows, "batches": per_epoch, "seconds": seconds, "lastLoss": loss}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--threads", default=None, help="comma-separated thread counts (default: 1 and all cores)")
    parser.add_argument("--out", default=None)
    parser.add_argument("--device", default="cpu", help="cpu, or cuda for the GPU")
    args = parser.parse_args()
    global DEVICE
    DEVICE = torch.device(args.device)
    quick_timing = {"warmup_ms": 300, "min_ms": 500, "round_ms": 250, "min_batches": 4, "max_ms": 2000}
    full_timing = {"warmup_ms": 3000, "min_ms": 3000, "round_ms": 500, "min_batches": 20, "max_ms": 10000}
    timing = quick_timing if args.quick else full_timing
    threads_list = [int(t) for t in args.threads.split(",")] if args.threads else sorted({1, os.cpu_count() or 1})
    x, y = seeded_table(ROWS, FEATURES, 42)
    runs = []
    for threads in threads_list:
        torch.set_num_threads(threads)
        for hidden in HIDDEN:
            result = throughput(hidden, timing, x, y)
            result["threads"] = torch.get_num_threads()
            runs.append(result)
        for hidden in HIDDEN:
            result = million_row_epoch(hidden, 100_000 if args.quick else EPOCH_ROWS)
            result["threads"] = torch.get_num_threads()
            runs.append({"epoch": True, **result})
    out = {
        "what": "PyTorch training step on the issue-19 shapes (see the docstring of torch-train-throughput.py)",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "device": torch.cuda.get_device_name() if DEVICE.type == "cuda" else "cpu",
        "loadAverage": list(os.getloadavg()),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "quick": args.quick,
        "timing": timing,
        "shape": {"features": FEATURES, "rows": ROWS, "batchSize": BATCH, "hidden": HIDDEN, "epochRows": EPOCH_ROWS},
        "throughput": [r for r in runs if not r.get("epoch")],
        "epoch": [{k: v for k, v in r.items() if k != "epoch"} for r in runs if r.get("epoch")],
    }
    text = json.dumps(out, indent="\t")
    if args.out:
        with open(args.out, "w") as handle:
            handle.write(text + "\n")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
