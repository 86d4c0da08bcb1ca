# An uncaught SystemExit raised directly with an int code from inside a function: no traceback, exit status 3.
import sys

def shutdown(code):
    print("shutting down with", code)
    sys.stdout.flush()
    raise SystemExit(code)

try:
    shutdown(0)
except SystemExit as e:
    print("first shutdown intercepted, code", e.code)
shutdown(3)
