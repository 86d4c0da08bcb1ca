import sys
sys.import_count = getattr(sys, "import_count", 0) + 1
print("counted: executing, time", sys.import_count)
