# sys.exit(3): finally blocks run, output flushed, exit status 3, nothing on stderr.
import sys
def main():
    try:
        print("working")
        sys.exit(3)
    finally:
        print("cleanup in finally")
try:
    main()
except SystemExit as e:
    print("SystemExit seen with code", e.code)
    raise
print("not reached")
