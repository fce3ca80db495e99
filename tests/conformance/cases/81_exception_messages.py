# The messages of built-in exceptions, caught and printed with their class.
class Box:
    pass

five = 5

cases = [
    ("name", lambda: undefined_thing),
    ("div", lambda: 10 // 0),
    ("fdiv", lambda: 1.5 / 0),
    ("index", lambda: [1, 2, 3][3]),
    ("str index", lambda: "abc"[-4]),
    ("key", lambda: {"a": 1}["b"]),
    ("tuple key", lambda: {}[(1, 2)]),
    ("add", lambda: [1] + (2,)),
    ("sub", lambda: "a" - "b"),
    ("call", lambda: five()),
    ("attr", lambda: Box().missing),
    ("int", lambda: int("3.5")),
    ("unpack", lambda: [x for x, y in [(1, 2, 3)]]),
    ("compare", lambda: 1 < "2"),
    ("neg", lambda: -"x"),
    ("subscript", lambda: five[0]),
]
for label, fn in cases:
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print("%-10s %s: %s" % (label, type(e).__name__, e))
