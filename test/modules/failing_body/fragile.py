print("fragile: executing")
import sys
print("fragile: in sys.modules during import:", __name__ in sys.modules)
value = 1
raise ValueError("fragile cannot load")
