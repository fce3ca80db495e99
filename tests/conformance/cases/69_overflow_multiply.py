# Growing past 2**63 - 1 switches to a big integer, as in CPython.
def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result

for n in [5, 10, 20]:
    print(n, factorial(n))
print("21! does not fit in 64 bits")
print(factorial(21))
print(factorial(60))
