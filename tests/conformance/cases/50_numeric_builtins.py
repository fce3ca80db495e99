# abs, min, max and sum over the CPU times of some threads.
cpu_ms = [12, 40, 38, 7]
print(abs(-5), abs(5), abs(-2.5), abs(0))
print(min(cpu_ms), max(cpu_ms), min(3, 1, 2), max(3, 1, 2))
print(sum(cpu_ms), sum(cpu_ms, 100), sum([]), sum([0.5, 0.25]))
print(min("banana"), max(["apple", "pear", "fig"]), max("a", "b"))
threads = {"main": 12, "worker-1": 40, "worker-2": 38}
print(max(threads), max(threads, key=lambda k: threads[k]))
print(min(threads.items(), key=lambda kv: kv[1]))
print(max([1, 5, 5, 2], key=lambda v: -v), min([(2, "b"), (1, "z"), (1, "a")]))
mean = sum(cpu_ms) / len(cpu_ms)
print("mean", mean)
spread = max(cpu_ms) - min(cpu_ms)
print("spread", spread)
deltas = [abs(a - b) for a, b in zip(cpu_ms, cpu_ms[1:])]
print(deltas, max(deltas))
print(sum([x * x for x in range(4)]), max([x % 7 for x in range(20)]))
print(min(-1, -1.5), max(2, 2.0), max(True, 0))
