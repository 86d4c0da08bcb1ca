# Uncaught exception raised inside a generator while a for loop consumes it: traceback through the generator frame.
def batches(items, size):
    for start in range(0, len(items) + 1, size):
        chunk = items[start:start + size]
        yield sum(chunk) / len(chunk)

for avg in batches([1, 2, 3, 4, 5, 6], 3):
    print("average", avg)
