# raise SystemExit(0) after output, and sys.exit() inside nested calls is not caught by "except Exception".
import sys
def inner():
    sys.exit(0)
try:
    inner()
except Exception:
    print("not caught here")
finally:
    print("finally runs before exit")
