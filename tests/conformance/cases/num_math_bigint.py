# The math module with big ints: factorial, gcd, isqrt, floor/ceil of huge floats,
# and real functions of ints past 64 bits.
import math

print(math.factorial(30), math.factorial(52) // math.factorial(47), len(str(math.factorial(1000))))
print(math.gcd(2 ** 70, 6 ** 40), math.gcd(-(10 ** 30), 15), math.gcd(), math.gcd(0, 2 ** 100))
print(math.isqrt(10 ** 40), math.isqrt(2 ** 101), math.isqrt(0), math.isqrt(99))
print(math.floor(2.5e20), math.ceil(-1e25), math.trunc(2 ** 80), math.floor(10 ** 30))
print(math.sqrt(10 ** 30), math.log(2 ** 100, 2), math.log10(10 ** 50), math.exp(1) < 2 ** 64)
for action in (lambda: math.factorial(-1), lambda: math.isqrt(-5), lambda: math.sqrt(10 ** 400), lambda: math.gcd(1.5, 2)):
    try:
        action()
    except Exception as e:
        print(type(e).__name__ + ":", e)
