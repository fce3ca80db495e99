# Conversions with str, int, float, bool and len.
print(str(42), str(-3.5), str(True), str(None), str([1, "a"]), str("s"))
print(int("42"), int("-17"), int(" 8 "), int(3.99), int(-3.99), int(True))
print(int("ff", 16), int("0x1f", 16), int("101", 2), int("777", 8))
print(float("3.25"), float(2), float("-0.5"), float(" 1e3 "))
print(bool(0), bool(2), bool(""), bool("False"), bool([]), bool(0.0))
print(len("hello"), len([1, 2]), len((1,)), len({"a": 1, "b": 2}), len(""), len(range(5)))

def parse_line(line):
    name, tid, cpu = line.split(",")
    return name, int(tid), float(cpu)

for line in ["main,1,0.5", "worker,2,12.75"]:
    name, tid, cpu = parse_line(line)
    print(name, tid + 1, cpu * 2)
total = 0
for part in "1 2 3 4".split():
    total += int(part)
print(total, str(total) + "!", int(str(total) * 2))
print(repr(str(1.0)), repr(str(10 / 4)), int(float("2.5")))
print(len(str(2 ** 40)), str(0.1), str(-0))
