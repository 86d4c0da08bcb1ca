# Uncaught RecursionError: the traceback collapses the repeated lines ("[Previous line repeated N more times]").
def walk(node):
    return walk(node + 1)

print("starting walk")
walk(0)
