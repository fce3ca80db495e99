# id tells objects apart (compare ids, never print them); hex formats ints.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)

class Lock:
    pass

lock1 = Lock()
lock2 = Lock()
held = lock1
print(id(held) == id(lock1), id(held) == id(lock2))
locks = [lock1, lock2, lock1]
distinct = []
for lk in locks:
    if id(lk) not in [id(d) for d in distinct]:
        distinct.append(lk)
print("distinct locks:", len(distinct))

def same_object(x, y):
    return id(x) == id(y)

print(same_object(a, b), same_object(None, None), same_object(lock1, Lock()))
print(hex(0), hex(1), hex(255), hex(4096), hex(-42))
print(hex(2 ** 32), hex(9223372036854775807))
flags = 0
for bit in [0, 3, 5]:
    flags += 2 ** bit
print(flags, hex(flags))
addresses = [0x1000 + 0x40 * i for i in range(3)]
print([hex(x) for x in addresses])
print(int(hex(3054), 16))
