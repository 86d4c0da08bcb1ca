# Three chained exceptions uncaught: context, then explicit cause; the traceback prints all three with both separator texts.
class StorageError(Exception):
    pass

def read_block(n):
    blocks = [b"\x00", b"\x01"]
    return blocks[n]

def read_record(n):
    try:
        return read_block(n)
    except IndexError:
        raise KeyError(f"record {n}")

def load(n):
    try:
        return read_record(n)
    except KeyError as e:
        raise StorageError("cannot load") from e

print(load(1))
load(5)
