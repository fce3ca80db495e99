# match: no case matching, a call pattern on a non-class, too many positional sub-patterns.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
class Q:
    __match_args__ = ("x",)
    def __init__(self, x):
        self.x = x
def m1(v):
    match v:
        case 1:
            return "one"
    return "none matched"
def m2(v):
    notaclass = 3
    match v:
        case notaclass():
            return "?"
def m3(v):
    match v:
        case P(a, b):
            return a
def m4(v):
    match v:
        case Q(a, b):
            return a
def m6(v):
    match v:
        case int(a, b):
            return a
def m7(v):
    match v:
        case {"a": 1, **rest}:
            return rest
        case [1, *rest]:
            return rest
        case str() | bytes():
            return "text"
attempt("m1", lambda: m1(2))
attempt("m2", lambda: m2(2))
attempt("m3", lambda: m3(P(1, 2)))
attempt("m4", lambda: m4(Q(1)))
attempt("m6", lambda: m6(5))
attempt("m7", lambda: m7({"a": 1, "b": 2}))
attempt("m7", lambda: m7([1, 2, 3]))
attempt("m7", lambda: m7("s"))
m3(P(1, 2))
