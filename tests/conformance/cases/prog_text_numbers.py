# An ordinary program of the kind issue 14 lists, run unchanged.
s = "Hello, World"
print(s.center(20, "*"), s.swapcase(), s.title(), s.count("l"), s.rfind("o"), s[::-1], s.split(", "), "-".join(reversed(s.split(", "))))
print("  x ".strip(), "a,b,,c".split(","), "abc".startswith(("x", "a")), "ß".upper(), "x".join("123"), "%s=%d" % ("a", 1))
print(str(b"abc", "utf-8"), "é".encode(), bytes([104, 105]).decode(), list("abc".encode()))
print(sum([0.1] * 10), 0.1 + 0.2, 1e100, 2 ** -1, 7 // -2, -7 % 3, round(2.5), round(3.5), int("ff", 16), float("inf"))
