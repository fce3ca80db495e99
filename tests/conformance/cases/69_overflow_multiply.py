# threadlab-only
# Threadlab's ints are 64-bit: growing past 2**63 - 1 raises OverflowError
# (CPython would switch to a big integer instead).
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result

for n in [5, 10, 20]:
    print(n, factorial(n))
print("21! does not fit in 64 bits")
print(factorial(21))
print("not reached")
