# Adding past the largest 64-bit int goes on with a big int, as in CPython:
# no OverflowError is raised.
largest = 9223372036854775807
smallest = -largest - 1
print(largest, smallest)
try:
    print(largest + 1)
except OverflowError:
    print("caught OverflowError on +")
try:
    print(smallest - 1)
except OverflowError:
    print("caught OverflowError on -")
try:
    print(2 ** 63)
except OverflowError:
    print("caught OverflowError on **")
print(2 ** 62 + (2 ** 62 - 1))
total = largest - 10
for i in range(20):
    total += 1
print("reached", total)
