# Uncaught ZeroDivisionError: the caret lines under a binary operation in a traceback of nested calls.
def ratio(stats, key):
    return stats["total"] / stats[key]

stats = {"total": 10, "hits": 5, "zero": 0}
print(ratio(stats, "hits"))
print(ratio(stats, "zero"))
