# Floats: true division always gives a float, and print shows the shortest
# text that reads back as the same double.
print(7 / 2, 8 / 4, 1 / 3, 2 / 3)
print(0.1 + 0.2, 0.5 + 0.25, 1.0 - 0.9)
print(3.0, -0.0, 1e3, 2.5e-3, 1.5e-7)
print(1e16, 1e15, 123456789.0 * 1000, 1e22)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2 ** 0.5, 2.0 ** 3, 10 ** -2)
print(1 + 2.0, 3 * 1.5, 10 - 0.5)

work_ms = [12.5, 7.25, 30.0, 0.125]
total = 0.0
for w in work_ms:
    total += w
print("total", total, "mean", total / len(work_ms))

cpu_busy = 3.2
wall = 4.0
print("utilisation", cpu_busy / wall * 100)
print(float(7), float("2.5"), float(" -4 "), int(3.99), int(-3.99))
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(1.0 == 1, 2.5 > 2, 1 / 4 < 0.3)
