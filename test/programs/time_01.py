# time: only properties of values that do not depend on the clock's reading.
import time
t = time.time()
print(type(t).__name__, t > 1_600_000_000, isinstance(time.time_ns(), int), type(time.perf_counter()).__name__)
a = time.monotonic()
b = time.monotonic()
print(b >= a, type(time.process_time()).__name__)
