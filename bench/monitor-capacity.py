#!/usr/bin/env python3
"""Deploy monitors one node sustains: N deploys at once, each with pushed samples, timed to their verdict.

Usage: bench/monitor-capacity.py BASE_URL API_KEY N [TAG] [HISTORY_SAMPLES] [LEAD_SECONDS]

Start the server with the fast schedule and no write limit first, e.g.
  ./missionctl serve --port 18437 --data-dir /tmp/mc-bench --monitor-schedule 1s,2s,4s --bake 10s \
      --writes-per-minute 1000000 --write-burst 100000   [--database-url postgresql://...]
Each of the N deploys pushes HISTORY_SAMPLES (default 120) samples 100 ms apart ending at a planned moment
LEAD_SECONDS (default 15) ahead, all N deploy at that moment as "success", push 11 s of samples after it, and
long-poll ?wait=60 until the verdict is final. Printed: 201 -> final verdict (p50, max) against the 10 s bake, the
node's GET /healthz round trip idle and during the run (the reference), the slowest baseline push, and errors.
Standard library only.
"""
import json, sys, time, threading, urllib.request, random, datetime, re
base, key, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
tag = sys.argv[4] if len(sys.argv) > 4 else str(int(time.time()))
hist = int(sys.argv[5]) if len(sys.argv) > 5 else 120
H = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
def req(method, path, body=None, timeout=120):
    r = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), headers=H, method=method)
    t = time.time()
    try:
        with urllib.request.urlopen(r, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read() or b"null"), time.time() - t
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()[:200], time.time() - t
def iso(ts): return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).isoformat().replace("+00:00", "Z")
def samples(repo, start, spacing, count, level, seed):
    rnd = random.Random(seed)
    return [{"name": "error_rate", "value": level * (0.9 + 0.2 * rnd.random()), "timestamp": iso(start + spacing * i),
             "labels": {"repository": repo, "instance": "i-%d" % (i % 2)}} for i in range(count)]
res = {}; errors = []; pushes = []
planned = time.time() + float(sys.argv[6] if len(sys.argv) > 6 else 15)
bar = threading.Barrier(n, action=lambda: time.sleep(max(0, planned - time.time())))
def one(i):
    try:
        one_(i)
    except Exception as e:
        errors.append(('exception', type(e).__name__))
def one_(i):
    repo = "acme/cap-%s-%d" % (tag, i)
    s, b, pt = req("POST", "/api/v1/signals/", {"samples": samples(repo, planned - hist * 0.1, 0.1, hist, 1.0, i)})
    pushes.append(pt)
    if s != 202: errors.append(("baseline", s, b)); bar.abort(); return
    if time.time() > planned: errors.append(("late baseline", time.time() - planned))
    try:
        bar.wait()
    except threading.BrokenBarrierError:
        pass
    s, d, _ = req("POST", "/api/v1/deployments/", {"deployment_request": "Deploy", "repository_full_name": repo, "status": "success", "commit_sha": "abcdef1234"})
    if s != 201: errors.append(("deploy", s, d)); return
    t0 = time.time()
    at = datetime.datetime.fromisoformat(d["created_at"].replace("Z", "+00:00")).timestamp()
    s, b, _ = req("POST", "/api/v1/signals/", {"samples": samples(repo, at + 0.02, 0.1, 110, 1.0, 1000 + i)})
    if s != 202: errors.append(("after", s, b))
    while True:
        s, v, _ = req("GET", "/api/v1/deployments/%s/?wait=60" % d["id"])
        if s != 200: errors.append(("wait", s, v)); time.sleep(1); continue
        st = v["verdict"]["state"]
        if st != "pending": break
    res[i] = (time.time() - t0, st, len(v["verdict"]["checks"]))
hz = []
stop = False
def health():
    while not stop:
        s, _, dt = req("GET", "/healthz"); hz.append((s, dt)); time.sleep(0.2)
# reference: healthz on the idle server
ref = sorted(req("GET", "/healthz")[2] for _ in range(50))
h = threading.Thread(target=health); h.start()
T = time.time()
ts = [threading.Thread(target=one, args=(i,)) for i in range(n)]
[t.start() for t in ts]; [t.join() for t in ts]
stop = True; h.join()
times = sorted(r[0] for r in res.values())
def pct(a, p): return a[min(len(a) - 1, int(p * len(a)))] if a else float('nan')
print("deploys %d  done %d  wall %.1fs" % (n, len(res), time.time() - T))
print("verdicts", {k: sum(1 for r in res.values() if r[1] == k) for k in set(r[1] for r in res.values())}, "checks", sorted(set(r[2] for r in res.values())))
print("201->verdict s: p50 %.1f  max %.1f   (bake 10s)" % (pct(times, .5), times[-1] if times else float('nan')))
hl = sorted(d for s, d in hz)
print("healthz idle ms p50 %.1f p99 %.1f ; under load p50 %.1f p99 %.1f max %.1f  non-200 %d" % (pct(ref, .5)*1e3, pct(ref, .99)*1e3, pct(hl, .5)*1e3, pct(hl, .99)*1e3, hl[-1]*1e3, sum(1 for s, d in hz if s != 200)))
print("baseline push s: max %.1f" % max(pushes))
print("errors", len(errors), errors[:5])
