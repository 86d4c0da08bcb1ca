# Uncaught exception raised while handling another: both tracebacks, joined by "During handling ...".
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"no entry for {key!r}")

table = {"a": 1}
print(lookup(table, "a"))
lookup(table, "b")
