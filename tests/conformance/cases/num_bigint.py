# Integers of any size: arithmetic, division, powers, shifts and bits on
# negatives, comparisons with floats, text in every base, hashing, and the
# errors CPython raises.
big = 2 ** 100
print(big, -big, big + 1, big - 2 ** 99, big * big)
print(123456789012345678901234567890 * 987654321098765432109876543210)
print(0xFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777777, 0b1 << 80)
print(-9223372036854775808, 9223372036854775807 + 1, -9223372036854775807 - 2)

# Floor division and modulo round toward minus infinity, with any signs.
for a in (big, -big, big + 12345):
    for b in (7, -7, 10 ** 20, -(10 ** 20)):
        print(a // b, a % b, divmod(a, b))
print(divmod(7, big), divmod(-7, big))

# Powers, three-argument pow and the modular inverse.
print(3 ** 100, (-3) ** 101, 2 ** -3, (2 ** 70) ** -1)
print(pow(3, 10 ** 20, 10 ** 9 + 7), pow(2, 100, -7), pow(-5, 3, 13))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2 ** 80, -2, 10 ** 9 + 7))

# Shifts and bit operations on negatives (infinite two's complement).
print(1 << 100, -1 << 100, big >> 3, -big >> 3, (-big - 1) >> 99, -1 >> 1000)
print(-big & 0xFFFF, -big | 5, -big ^ (big - 1), ~big, ~-big)
print(big & -big, (big - 1) & (2 ** 64 - 1), (2 ** 65) | (2 ** 3))

# True division is correctly rounded; comparisons with floats are exact.
print(big / 3, 10 ** 30 / 10 ** 10, (2 ** 1000 + 1) / 2 ** 999, -(10 ** 40) / 7)
print(big == 2.0 ** 100, big + 1 == 2.0 ** 100, big + 1 > 2.0 ** 100)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 63 == 2.0 ** 63)
print(big < float("inf"), big > float("-inf"), big == float("nan"), big < 1e300)
print(float(big), float(-big), int(1e30), int(-2.5e20), round(2.5e20))
print(big + 0.5, big * 1.5, 1.0 * 10 ** 300)

# Text: str, repr, format in several bases and with grouping, int(str, base).
print(repr(big), str(-big), f"{big:,}", f"{big:_}", f"{-big:x}", f"{big:#o}", f"{big:40}|")
print(hex(-big), oct(big), bin(2 ** 70 + 5), f"{big:>+45_d}", f"{big:e}", "%d %x" % (big, big))
print(int("123456789" * 5), int("-0x" + "f" * 30, 16), int("z" * 20, 36), int("1_000_000_000_000_000_000_000"))
print(int(" 0b" + "1" * 70 + " ", 0), int(str(-big)) == -big)
print(len(str(10 ** 4299)), str(7 ** 5000)[:20])

# Hashes are CPython's (modulo 2**61 - 1): dicts and sets find equal numbers.
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(big), hash(-big), hash(-1))
print(hash(0.5), hash(-0.25), hash(1e300), hash(2.0 ** 100) == hash(big), hash(float("inf")))
table = {big: "big", 2 ** 64: "2**64"}
print(table[2 ** 100], table.get(2.0 ** 64), 2 ** 64 in {2.0 ** 64}, big in [1, big])

# Methods and built-ins.
print(big.bit_length(), (-big).bit_length(), (big - 1).bit_count(), abs(-big), -(-big))
print(isinstance(big, int), type(big).__name__, bool(big), max(big, 3, -big), sorted([big, -big, 0, 2.5]))
print(round(123456789012345678901234567890, -5), round(big, 2), round(-big, -20), round(25, -1), round(35, -1))
print(big == big + 0, big != big + 1, [big] * 2, (big, -big))

errors = [
    lambda: str(10 ** 4300),
    lambda: int("1" * 4301),
    lambda: f"{10 ** 4400}",
    lambda: float(10 ** 400),
    lambda: 10 ** 400 / 3,
    lambda: big // 0,
    lambda: big % 0,
    lambda: big / 0,
    lambda: 1 << -1,
    lambda: big >> -big,
    lambda: pow(2, -1, 4),
    lambda: pow(2, 3, 0),
    lambda: pow(2.0, 3, 5),
    lambda: [1, 2][big],
    lambda: "ab" * big,
    lambda: 0 ** -big,
    lambda: int("12x"),
    lambda: int("0x", 16),
]
for error in errors:
    try:
        error()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
