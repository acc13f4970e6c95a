#!/usr/bin/env python3
"""ANUGA peer for scripts/bench: the EA Test 4 set-up at the resolution of
drillsim's flood-ea4 benchmark (shared reference hazards.md section 4).

ANUGA 4.2 (PyPI `anuga`, DE0 flow algorithm) on rectangular_cross_domain
(100, 200) over 1000 m x 2000 m: 10 m squares of 4 triangles each, the
drillsim raster's 10 m cells. Flat bed at 0, n = 0.05, reflective walls,
Inlet_operator on the 20 m line x = 2.5, y = 990..1010, hydrograph
20 * interp(t, [0, 300, 3600, 14400, 18000], [0, 0, 1, 1, 0]) m3/s.
Depths at the gauges P1..P6 every 300 s.

The full 5 h takes about 800 s on one core here, so --duration (default
3600 s) cuts it short; drillsim's run reports its wall time at every 300 s
mark, so the two are compared at the same simulated time. Only
domain.evolve is timed. Prints one JSON object.
"""

import argparse
import json
import sys
import time
import warnings

GAUGES = [("P1", 50, 1000), ("P2", 100, 1000), ("P3", 200, 1000),
          ("P4", 300, 1000), ("P5", 400, 1000), ("P6", 300, 1300)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=3600.0,
                        help="simulated seconds (multiple of 300; EA Test 4 is 18000)")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import numpy as np
        import anuga
    dom = anuga.rectangular_cross_domain(100, 200, len1=1000.0, len2=2000.0)
    dom.set_flow_algorithm("DE0")
    dom.set_store(False)
    dom.set_quantity("elevation", 0.0)
    dom.set_quantity("friction", 0.05)
    dom.set_quantity("stage", 0.0)
    wall = anuga.Reflective_boundary(dom)
    dom.set_boundary({"left": wall, "right": wall, "top": wall, "bottom": wall})

    def hydrograph(t):
        return 20.0 * np.interp(t, [0, 300, 3600, 14400, 18000], [0, 0, 1, 1, 0])

    anuga.Inlet_operator(dom, [[2.5, 990.0], [2.5, 1010.0]], hydrograph)
    cells = [dom.get_triangle_containing_point((x, y)) for _, x, y in GAUGES]
    series = {name: [] for name, _, _ in GAUGES}
    times = []
    start = time.perf_counter()
    for t in dom.evolve(yieldstep=300.0, finaltime=args.duration):
        if t <= 0:
            continue
        stage = dom.quantities["stage"].centroid_values
        bed = dom.quantities["elevation"].centroid_values
        for (name, _, _), cell in zip(GAUGES, cells):
            series[name].append(float(stage[cell] - bed[cell]))
        times.append(float(t))
    seconds = time.perf_counter() - start
    print(json.dumps({
        "name": "anuga-ea4", "anuga": anuga.__version__, "triangles": len(dom),
        "duration_s": args.duration, "seconds": seconds, "times": times, "gauges": series,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
