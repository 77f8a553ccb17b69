#!/usr/bin/env python3
"""Is the extension hold coached live, and is a tender spot never coached as the hold?

For each simulated session: simulate, replay through the live path with --cues, and compare the
"Extension hold: ..." cue with the truth (FILE.truth.json: extension_holds, dwells, other_still).

  bench/hold-cues.py [--jar target/roller-coach.jar] [--dir /tmp/hold-cues] [--jobs 2] CONFIG...

CONFIG is `SEEDS[:OPTION=VALUE,...]`, e.g. `1-60`, `1-15:profile=tender-rocker`,
`1-20:roller-diameter-cm=10`. Each line of output is one configuration:
holds cued / holds missed / dwells cued as the hold / hold cues on nothing, and the misses' seeds.
"""
import argparse, json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

CUE = re.compile(r"^\s*(\d+):(\d\d)\s+(.*)$")


def run(jar, d, seed, opts):
    tag = "_".join(f"{k}-{v}" for k, v in opts) or "default"
    csv = os.path.join(d, f"{tag}-s{seed}.csv")
    cues = csv + ".cues"
    if not os.path.exists(cues):
        args = ["java", "-jar", jar, "simulate", "--seed", str(seed), "--out", csv, "--force"]
        args += [f"--{k}={v}" for k, v in opts]
        subprocess.run(args, check=True, capture_output=True)
        out = subprocess.run(["java", "-jar", jar, "replay", csv, "--speed", "max", "--cues"],
                             check=True, capture_output=True, text=True).stdout
        with open(cues, "w") as f:
            f.write(out)
    t0 = None
    with open(csv) as f:
        for line in f:
            if line[0].isdigit() or line[0] == "-":
                t0 = float(line.split(",")[0])
                break
    truth = json.load(open(csv + ".truth.json"))
    holdcues = []
    for line in open(cues):
        m = CUE.match(line)
        if m and m.group(3).startswith("Extension hold:"):
            holdcues.append(int(m.group(1)) * 60 + int(m.group(2)))
    segs = [("hold", h["start_s"] - t0, h["end_s"] - t0) for h in truth["extension_holds"]]
    segs += [("dwell", w["start_s"] - t0, w["end_s"] - t0) for w in truth["dwells"]]
    segs += [("other", o["start_s"] - t0, o["end_s"] - t0) for o in truth.get("other_still", [])]
    r = {"hit": 0, "miss": 0, "dwell_cued": 0, "other_cued": 0, "stray": 0, "lat": []}
    used = set()
    for kind, a, b in segs:
        got = [c for c in holdcues if a - 1 <= c <= b + 1]
        used.update(got)
        if kind == "hold":
            if got:
                r["hit"] += 1
                r["lat"].append(got[0] - a)
            else:
                r["miss"] += 1
        elif got:
            r[kind + "_cued"] += 1
    r["stray"] = len([c for c in holdcues if c not in used])
    r["ndwell"] = len(truth["dwells"])
    return seed, r


def seeds(spec):
    out = []
    for part in spec.split("+"):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/roller-coach.jar")
    ap.add_argument("--dir", default="/tmp/hold-cues")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("configs", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    total = {"hit": 0, "miss": 0, "dwell_cued": 0, "other_cued": 0, "stray": 0, "ndwell": 0}
    for cfg in a.configs:
        spec, _, o = cfg.partition(":")
        opts = [tuple(kv.split("=", 1)) for kv in o.split(",") if kv]
        with ThreadPoolExecutor(a.jobs) as ex:
            res = list(ex.map(lambda s: run(a.jar, a.dir, s, opts), seeds(spec)))
        agg = {k: 0 for k in total}
        missed, wrong, lat = [], [], []
        for s, r in res:
            for k in agg:
                agg[k] += r[k]
            if r["miss"]:
                missed.append(s)
            if r["dwell_cued"] or r["other_cued"] or r["stray"]:
                wrong.append(s)
            lat += r["lat"]
        for k in total:
            total[k] += agg[k]
        lat.sort()
        med = lat[len(lat) // 2] if lat else float("nan")
        print(f"{cfg:40s} holds cued {agg['hit']:3d}  missed {agg['miss']:3d}  "
              f"dwells cued as hold {agg['dwell_cued']:2d}/{agg['ndwell']:3d}  "
              f"other stills cued {agg['other_cued']:2d}  stray {agg['stray']:2d}  "
              f"cue after stop median {med:.0f} s  missed seeds {missed}  wrong seeds {wrong}")
        sys.stdout.flush()
    print(f"{'TOTAL':40s} holds cued {total['hit']:3d}  missed {total['miss']:3d}  "
          f"dwells cued as hold {total['dwell_cued']:2d}/{total['ndwell']:3d}  "
          f"other stills cued {total['other_cued']:2d}  stray {total['stray']:2d}")


if __name__ == "__main__":
    main()
