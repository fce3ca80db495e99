# An ordinary program of the kind issue 14 lists, run unchanged.
import math
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(100)
print(f)
print(len(str(fact(500))), f == math.factorial(100), sum(int(d) for d in str(f)))
print(2 ** 200, (2 ** 200) % 1_000_007, pow(3, 1000, 10 ** 9 + 7))
print(fact(30) // fact(28), math.comb(60, 30), math.gcd(fact(20), 2 ** 40))
