# sys.exit(None) and sys.exit() exit with status 0; finally blocks and output before it are kept, code after is skipped.
import sys
def work():
    try:
        print("working")
        sys.exit(None)
    finally:
        print("cleanup in finally")
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit:", repr(e), e.code, e.args)
try:
    sys.exit(None)
except SystemExit as e:
    print("caught again:", e.code)
work()
print("never printed")
