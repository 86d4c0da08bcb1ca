# SystemExit with an int code raised from nested calls through try/except Exception; the exit status is 42, stderr empty.
import sys
def deep(n):
    if n == 0:
        raise SystemExit(42)
    try:
        deep(n - 1)
    except Exception:
        print("never: SystemExit is not an Exception")
    finally:
        print("unwinding", n)
print("start")
try:
    sys.exit(7)
except SystemExit as e:
    print("code", e.code, type(e.code).__name__, isinstance(e, BaseException), isinstance(e, Exception))
deep(3)
