# Mixing int and float: results, comparisons and conversions.
print(7 / 2, 7 // 2, 7.0 // 2, -7 // 2, -7 / 2, 7 % 2.5)
print(2 * 3.0, 2 + True, 10 // 3 * 3 + 10 % 3)
print(int(7 / 2), int(-7 / 2), float(7 // 2))
print(1 == 1.0, 2 < 2.5, 3 >= 3.0, 0.1 + 0.1 + 0.1 == 0.3)
print(abs(-7 // 2), abs(-3.0), -(-2.5))
print(3 ** 2, 3.0 ** 2, 4 ** 0.5, 2 ** -1)
print(100 * 1.1, 0.1 * 3, 1e2 * 3, 3 / 1e3)

quantum_ms = 5
work = [13, 4, 20]
slices = [w // quantum_ms + (1 if w % quantum_ms else 0) for w in work]
print("slices", slices)
speedup = 12.0 / 4
print("speedup", speedup, int(speedup), speedup == 3)
share = 1 / 3
print(share * 3, "%.4f" % share)
values = [1, 2.5, 3]
print(sum(values), max(values), min(values) * 1.0)
print(10 ** 18, 10.0 ** 18, float(10 ** 15))
print(-0.0 == 0.0, 5 // 0.5, 5 % 0.75)
