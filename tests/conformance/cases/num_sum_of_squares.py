# The canonical CPU-bound demonstration: the sum passes 2**63 on the way, and a generator
# feeds sum() one item at a time, so the heap budget is never near.
print(sum(i * i for i in range(5_000_000)))
