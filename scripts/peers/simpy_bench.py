#!/usr/bin/env python3
"""SimPy peer benchmarks for scripts/bench (see shared reference peers.md).

Models, same definitions as for drillsim-bench:
  simpy-mmc    M/M/3: c = 3, mu = 1, lambda = 2.7, FIFO, starts empty, a fixed
               number of customers. Each customer is a SimPy process that
               requests a Resource, waits an Exp(mu) service, releases.
               Model events = 2 per customer (arrival, departure).
  simpy-phold  PHOLD: N = 1000 entities, 1 initial event each; each event
               schedules one new event at a uniformly random entity after
               Exp(mean 1). Each in-flight event is a SimPy process hopping
               from entity to entity. Model events = events processed.

Only env.run() is timed (time.perf_counter). Each model runs --repeat times;
the run with the median time is printed as one JSON object per line.
"""

import argparse
import json
import platform
import random
import sys
import time

import simpy


def mmc_run(customers, c=3, lam=2.7, mu=1.0, seed=1):
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=c)
    arrivals = random.Random(seed)
    services = random.Random(seed + 1000)
    waits = {"sum": 0.0, "n": 0}

    def customer():
        arrived = env.now
        with server.request() as req:
            yield req
            waits["sum"] += env.now - arrived
            waits["n"] += 1
            yield env.timeout(services.expovariate(mu))

    def source():
        for _ in range(customers):
            env.process(customer())
            yield env.timeout(arrivals.expovariate(lam))

    env.process(source())
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    assert waits["n"] == customers
    return {
        "name": "simpy-mmc",
        "events": 2 * customers,
        "seconds": seconds,
        "mean_wait": waits["sum"] / waits["n"],
    }


def phold_run(end_time, entities=1000, mean=1.0, seed=1):
    env = simpy.Environment()
    rng = random.Random(seed)
    received = [0] * entities

    def event_chain(entity):
        # One in-flight event: it arrives at `entity` after Exp(mean), is
        # processed there, and schedules the next one at a random entity.
        while True:
            yield env.timeout(rng.expovariate(1.0 / mean))
            received[entity] += 1
            entity = rng.randrange(entities)

    for entity in range(entities):
        env.process(event_chain(entity))
    start = time.perf_counter()
    env.run(until=end_time)
    seconds = time.perf_counter() - start
    return {"name": "simpy-phold", "events": sum(received), "seconds": seconds}


def median_of(runs):
    runs = sorted(runs, key=lambda r: r["seconds"])
    best = dict(runs[len(runs) // 2])
    best["events_per_s"] = best["events"] / best["seconds"]
    best["repeat"] = len(runs)
    best["runs_seconds"] = [r["seconds"] for r in runs]
    best["peer"] = "simpy " + getattr(simpy, "__version__", "?")
    best["python"] = platform.python_implementation() + " " + platform.python_version()
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=200_000, help="M/M/3 customers")
    parser.add_argument("--phold-end-time", type=float, default=500.0,
                        help="PHOLD simulated end time (about 1000 events per time unit)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("models", nargs="*", help="mmc and/or phold (default: both)")
    args = parser.parse_args()
    args.models = args.models or ["mmc", "phold"]
    for model in args.models:
        if model not in ("mmc", "phold"):
            parser.error(f"unknown model {model!r}: use mmc or phold")

    for model in args.models:
        runs = []
        for _ in range(args.repeat):
            if model == "mmc":
                runs.append(mmc_run(args.customers, seed=args.seed))
            else:
                runs.append(phold_run(args.phold_end_time, seed=args.seed))
        print(json.dumps(median_of(runs)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
