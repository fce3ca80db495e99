# Tuples: fixed records such as (thread id, state, cpu time).
record = (1, "running", 0.5)
print(record, len(record))
print(record[0], record[1], record[-1])
single = ("only",)
print(single, len(single), type(single).__name__)
not_a_tuple = ("only")
print(not_a_tuple, type(not_a_tuple).__name__)
empty = ()
print(empty, len(empty))
packed = 1, 2, 3
print(packed)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (2,) > (1, 9), (1, 2) < (1, 2, 0))
threads = [(3, "blocked"), (1, "ready"), (2, "running")]
threads.sort()
print(threads)
tid, state = threads[0]
print(tid, state)
print((1, 2) + (3,), ("ab",) * 3)
print(record.index("running"), (1, 1, 2).count(1))
print(tuple([1, 2]), list((3, 4)))
print(3 in (1, 2, 3), "x" in ("a", "b"))
