# time: time()/perf_counter()/monotonic() are typed and never run backwards; only comparisons and types are printed, never readings.
import time
clocks = [time.time, time.perf_counter, time.monotonic]
starts = [c() for c in clocks]
total = 0
for i in range(20000):
    total += i * i
ends = [c() for c in clocks]
for c, s, e in zip(clocks, starts, ends):
    print(c.__name__, type(s).__name__, e >= s, e - s >= 0, type(e - s).__name__)
print(total)
samples = [time.monotonic() for _ in range(1000)]
print("monotonic never decreases:", all(b >= a for a, b in zip(samples, samples[1:])))
samples = [time.perf_counter() for _ in range(1000)]
print("perf_counter never decreases:", all(b >= a for a, b in zip(samples, samples[1:])))
t = time.time()
print(t > 1_000_000_000, t == t, isinstance(t, float), round(t) - t <= 0.5, int(t) <= t)
def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    return result, elapsed >= 0.0, type(elapsed).__name__
print(timed(sum, range(10000)), timed(sorted, [3, 1, 2]))
