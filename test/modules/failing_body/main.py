import sys
try:
    import fragile
except ValueError as e:
    print("main: caught", e)
print("fragile" in sys.modules)
try:
    import fragile
except ValueError as e:
    print("main: caught again", e)
print("importing broken")
import broken
