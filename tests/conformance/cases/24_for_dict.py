# for over dicts: keys by default, items() and values(), in insertion order.
cpu_time = {"main": 12, "worker-1": 40, "worker-2": 38}
for name in cpu_time:
    print(name, cpu_time[name])
for name, ms in cpu_time.items():
    print(name + "=" + str(ms))
total = 0
for ms in cpu_time.values():
    total += ms
print("total", total)
for key in cpu_time.keys():
    print(key.upper())

cpu_time["worker-1"] = 0
cpu_time["io"] = 5
print(list(cpu_time))
del cpu_time["main"]
cpu_time["main"] = 1
print(list(cpu_time.items()))

counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
for word, n in counts.items():
    print(word, n)
busiest = None
for name, ms in cpu_time.items():
    if busiest is None or ms > cpu_time[busiest]:
        busiest = name
print("busiest", busiest)
