/**
 * CPython, run natively: a python3.11 worker process that speaks the same protocol as
 * ./protocol.ts (JSON commands on stdin, one JSON answer per line on file descriptor 3).
 *
 * Method: each program's source is compiled once with compile() (not timed); each run executes the
 * code object with exec() in a fresh globals dict {"__name__": "__main__"}, with sys.stdout and
 * sys.stderr swapped for io.StringIO buffers, timed with time.perf_counter (wall) and
 * time.process_time (CPU) around the exec only: interpreter start-up and compilation are excluded.
 * gc.collect() runs between runs, outside the timing.
 */

/** The worker's source, run as `python3.11 -c CPYTHON_WORKER` (with PYTHONHASHSEED=0). */
export const CPYTHON_WORKER = String.raw`
import gc, io, json, os, sys, time
chan = os.fdopen(3, "w", buffering=1)
def reply(d):
    chan.write(json.dumps(d) + "\n")
    chan.flush()
def err_line(e):
    return "%s: %s" % (type(e).__name__, e) if str(e) else type(e).__name__
codes = {}
real_out, real_err = sys.stdout, sys.stderr
reply({"ready": True, "version": "CPython %s (%s)" % (sys.version.split()[0], sys.executable)})
for line in sys.stdin:
    if not line.strip():
        continue
    msg = json.loads(line)
    op = msg["op"]
    if op == "exit":
        break
    if op == "prepare":
        try:
            with open(msg["py"], encoding="utf-8") as f:
                codes[msg["name"]] = compile(f.read(), msg["name"] + ".py", "exec")
            reply({"ok": True})
        except BaseException as e:
            reply({"ok": False, "error": err_line(e)})
        continue
    if op != "run":
        reply({"ok": False, "error": "unknown op " + op})
        continue
    code = codes[msg["name"]]
    g = {"__name__": "__main__"}
    out, err = io.StringIO(), io.StringIO()
    error = None
    gc.collect()
    sys.stdout, sys.stderr = out, err
    c0 = time.process_time()
    t0 = time.perf_counter()
    try:
        exec(code, g)
    except BaseException as e:
        error = err_line(e)
    t1 = time.perf_counter()
    c1 = time.process_time()
    sys.stdout, sys.stderr = real_out, real_err
    g.clear()
    reply({"ok": error is None, "wall_ms": (t1 - t0) * 1000, "cpu_ms": (c1 - c0) * 1000,
           "stdout": out.getvalue(), "stderr": err.getvalue(), "error": error})
`;
