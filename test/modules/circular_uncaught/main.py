print("importing")
import first
print("unreachable")
