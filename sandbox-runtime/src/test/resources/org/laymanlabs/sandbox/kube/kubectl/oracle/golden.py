# Runs the real kubectl 1.32 against the stub API server loaded with a test fixture whose
# timestamps are offsets ("@N" seconds after creation), and writes goldens with the dates
# rewritten to the Java test's virtual clock (START + N).
import json, sys, time, datetime, subprocess, re, os, signal
FIX, OUTDIR, NOW = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmds = [l.rstrip("\n").split("|", 1) for l in open(sys.argv[4]) if l.strip()]
START = datetime.datetime(2026, 11, 26, 9, 0, 0, tzinfo=datetime.timezone.utc)
objs = json.load(open(FIX))
def uid(kind, name): return "uid-%s-%s" % (kind.lower(), name)
offsets = set([0])
base = None
def conv(v):
    if isinstance(v, dict): return {k: conv(x) for k, x in v.items()}
    if isinstance(v, list): return [conv(x) for x in v]
    m = re.fullmatch(r"@(-?\d+)(\.\d+)?Z?", v) if isinstance(v, str) else None
    if m:
        n = int(m.group(1)); offsets.add(n)
        t = (base + datetime.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%S")
        return t + (m.group(2) + "Z" if m.group(2) else "Z")
    if isinstance(v, str) and v.startswith("@uid:"):
        k, n = v[5:].split("/", 1); return uid(k, n)
    return v
def load():
    global base
    # a fresh second, so that kubectl's elapsed times are whole seconds plus a few ms
    time.sleep(1 - (time.time() % 1) + 0.02)
    base = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(seconds=NOW)
    out = []
    for o in objs:
        o = conv(o)
        m = o["metadata"]
        m.setdefault("uid", uid(o["kind"], m["name"]))
        m.setdefault("creationTimestamp", base.strftime("%Y-%m-%dT%H:%M:%SZ"))
        m.setdefault("resourceVersion", "1")
        if o["kind"] == "Node": m["uid"] = "uid-node-" + m["name"]
        out.append(o)
    out.append({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default","uid":"u-default","creationTimestamp":base.strftime("%Y-%m-%dT%H:%M:%SZ"),"labels":{"kubernetes.io/metadata.name":"default"}},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}})
    for o in out:
        if o["kind"] == "Namespace": o.setdefault("status", {"phase": "Active"}); o["metadata"].setdefault("labels", {})["kubernetes.io/metadata.name"] = o["metadata"]["name"]; o.setdefault("spec", {"finalizers": ["kubernetes"]})
    json.dump(out, open("/tmp/kubectl-oracle-objs.json", "w"))

json.dump([], open('/tmp/kubectl-oracle-objs.json','w'))
stub = subprocess.Popen(["python3", os.path.join(os.path.dirname(os.path.abspath(__file__)), "stub.py"), "18080", "/tmp/kubectl-oracle-objs.json"])
time.sleep(0.8)
def fmt(t): return t.strftime("%a, %d %b %Y %H:%M:%S +0000")
try:
    # restart the clock discipline: ages are computed against real now, offsets against base
    for name, cmd in cmds:
        load()
        r = subprocess.run([os.path.join(os.path.dirname(os.path.abspath(__file__)), "k.sh")] + cmd.split(), capture_output=True, text=True)
        text = r.stdout
        for n in offsets:
            text = text.replace(fmt(base + datetime.timedelta(seconds=n)), fmt(START + datetime.timedelta(seconds=n)))
        open(os.path.join(OUTDIR, name), "w").write(text)
        print("==", name, "rc", r.returncode, r.stderr.strip()[:300])
finally:
    stub.send_signal(signal.SIGTERM)
