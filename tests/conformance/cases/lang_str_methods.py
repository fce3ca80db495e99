# The str methods that ordinary programs use beyond the basics (expandtabs, partition, zfill,
# casefold, translate/maketrans, fills, istitle, ...) and ascii() escaping, with CPython's errors.
s = "Hello, World"
print(s.center(20, "*"), s.ljust(16, "."), s.rjust(16, "-"), s.center(3))
print(repr("ab".center(5)), repr("ab".center(6, "x")), repr("abc".center(6, "x")))
print("tab\tbed\tx".expandtabs(), "a\tb".expandtabs(4), repr("01\t012\t0123\t01234".expandtabs(4)), repr("a\n\tb".expandtabs(3)))
print(s.partition(", "), s.rpartition("o"), s.partition("z"), s.rpartition("z"))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(3), "abc".zfill(2))
print("Straße".casefold(), "ÉCOLE".casefold(), "MiXeD".swapcase(), "hello world's end".title())
print("Hello World".istitle(), "Hello world".istitle(), "HELLO".istitle(), "".istitle(), "A1 B2".istitle())
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), sorted(table.items()))
print("hello".translate(str.maketrans({"h": "J", "o": None, "l": "L"})))
print("a-b_c".translate(str.maketrans("-_", "  ", "c")))
print("hello".translate({104: "H", 101: None}))
print("abc".isascii(), "ab\u00e9".isascii(), "ab\tc".isprintable(), "abc".isprintable(), "".isprintable())
print("{name} is {age}".format_map({"name": "Ann", "age": 30}))
print(ascii("héllo\n\x00\u2603\U0001F600"), ascii(["é", 1]), ascii("plain"))
print(f"{'é'!a}", repr("é"), "snowman \u2603")
print("ab".isdecimal(), "12".isnumeric(), "x".isalpha())
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
try:
    str.maketrans({"ab": 1})
except ValueError as e:
    print(e)
try:
    "x".center(5, "ab")
except TypeError as e:
    print(e)
class Café:
    def __repr__(self):
        return "Café()"
print(ascii(Café()), ascii([Café()]), f"{Café()!r}")
