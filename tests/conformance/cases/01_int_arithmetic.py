# Integer arithmetic on a simple tick counter: floor division and modulo
# follow Python's rule (the result takes the sign of the divisor).
ticks = 3725
hours = ticks // 3600
minutes = ticks % 3600 // 60
seconds = ticks % 60
print(hours, minutes, seconds)

print(7 + 5, 7 - 12, 6 * 7, 2 ** 10, 3 ** 0)
print(17 // 5, 17 % 5, -17 // 5, -17 % 5, 17 // -5, 17 % -5)
print(-(4 - 9), - -3, -2 ** 2, (-2) ** 2)
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4), 100 - 10 - 1)
print(2 ** 3 ** 2, 10 - 2 ** 3)

big = 1
for i in range(1, 21):
    big = big * i
print("20! =", big)
print(9223372036854775807, -9223372036854775807 - 1)
print(0x1F, 0o17, 0b1011, 1_000_000)

total = 0
for n in range(1, 101):
    if n % 3 == 0 or n % 5 == 0:
        total += n
print("multiples of 3 or 5 below 101:", total)
