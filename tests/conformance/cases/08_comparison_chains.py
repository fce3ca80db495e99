# Comparison chains evaluate each operand once and stop at the first false link.
calls = []

def probe(name, value):
    calls.append(name)
    return value

x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1 < 2, 3 > 2 > 1, 3 > 2 == 2)
print(1 < probe("mid", 3) < 2 < probe("last", 9))
print(calls)
calls = []
print(probe("a", 1) < probe("b", 2) < probe("c", 3))
print(calls)

print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc")
print([1, 2, 3] < [1, 2, 4], (1, "a") < (1, "b"))
print(1 != 2, 2 != 2, 1 <= 1, 1 >= 2)
print(1 == 1.0, 0.5 < 1 < 1.5)

level = 42
if 0 <= level < 10:
    print("debug")
elif 10 <= level < 50:
    print("info")
else:
    print("warning")
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b)
