# sys.exit with a non-int, non-None object: its str() goes to stderr and the exit status is 1.
import sys
print("about to exit with a tuple code")
try:
    sys.exit(("nested", 1))
except SystemExit as e:
    print("caught:", e.code)
try:
    sys.exit(2, 3)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.flush()
sys.exit(["exit", "with", "list"])
