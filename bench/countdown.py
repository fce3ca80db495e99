# The interpreter's dispatch loop on small ints: a CPU-bound countdown.
n = 10_000_000
while n > 0:
    n -= 1
print(n)
