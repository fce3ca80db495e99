# Lists and dicts nested far past the recursion limit: comparing them or taking their repr raises
# RecursionError, with the message CPython's C code gives; nested a little, they work.
def nest(depth, wrap):
    x = wrap(None)
    for _ in range(depth):
        x = wrap(x)
    return x


for depth in (50, 5000):
    a = nest(depth, lambda x: [x])
    b = nest(depth, lambda x: [x])
    d = nest(depth, lambda x: {"k": x})
    e = nest(depth, lambda x: {"k": x})
    for name, action in [("a == b", lambda: a == b), ("a < b", lambda: a < b), ("d == e", lambda: d == e),
                         ("len(repr(a))", lambda: len(repr(a))), ("len(str(d))", lambda: len(str(d))),
                         ("a in [b]", lambda: a in [b]), ("[b].index(a)", lambda: [b].index(a))]:
        try:
            print(depth, name, action())
        except RecursionError as error:
            print(depth, name, "RecursionError:", error)
