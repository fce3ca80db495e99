# ascii(), __init_subclass__, object.__new__, super() in classmethods and the remaining common str methods.
print(ascii("héllo ☃ \x01 \U0001f600"), ascii(['ü']))
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class A(Base, tag="a"): pass
class B(A): pass
print(Base.subs)
class S:
    def __new__(cls, *args):
        obj = object.__new__(cls)
        obj.args = args
        return obj
s = S(1, 2)
print(s.args, type(s).__name__)
class P:
    @classmethod
    def make(cls): return "P.make " + cls.__name__
class Q(P):
    @classmethod
    def make(cls): return "Q+" + super().make()
print(Q.make())
print("a\tbc\td".expandtabs(4), "x\ty".expandtabs())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(3))
print("Straße".casefold())
t = str.maketrans("abc", "xyz", "d")
print("abcdd".translate(t), str.maketrans({"a": "1", "b": None}))
print("hello".translate({104: "J", 111: None}))
print("Hello World".swapcase(), "hello world".title(), "abc".center(9, "*"), "ab".ljust(5, "-"), "ab".rjust(5))
print("a,b,,c".rsplit(",", 1), "  x ".lstrip(), "xxhixx".strip("x"), "hello".removeprefix("he"), "hello".removesuffix("lo"))
print("abc".isalpha(), "123".isdigit(), "12".isnumeric(), "12".isdecimal(), "ab1".isalnum(), " ".isspace(), "Ab".istitle(), "AB".isupper(), "ab".islower(), "a_b".isidentifier(), "abc".isprintable())
print("a\nb\r\nc".splitlines(), "a\nb\n".splitlines(True))
print("abcabc".rfind("b"), "abcabc".rindex("c"), "abc".index("b"), "abcabc".count("bc"))
print('x'.zfill('3') if False else 'ab'.partition(''))
