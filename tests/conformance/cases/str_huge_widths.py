# Widths and precisions too large to hold fail before anything is made, as in CPython: a number
# with too many digits is ValueError, a width past memory is MemoryError; ordinary ones pad.
cases = [
    ("format width digits", lambda: format(1, "99999999999999999999")),
    ("format precision digits", lambda: format(1.5, ".99999999999999999999f")),
    ("% width digits", lambda: "%99999999999999999999d" % 1),
    ("% precision digits", lambda: "%.99999999999999999999d" % 1),
    ("% star width", lambda: "%*d" % (2**40, 1)),
    ("center", lambda: "ab".center(2**62)),
    ("ljust", lambda: "ab".ljust(2**40, "é")),
    ("rjust", lambda: "ab".rjust(2**40)),
    ("zfill", lambda: "7".zfill(2**40)),
    ("% negative star", lambda: "%*d|" % (-5, 1)),
    ("% left", lambda: "%-*d|" % (5, 1)),
    ("% star precision", lambda: "%.*f" % (3, 1.5)),
    ("% int precision", lambda: "%5.3d" % 7),
    ("format fill", lambda: format("ab", "x^7")),
    ("ljust fill", lambda: "x".ljust(5, "é")),
    ("zfill sign", lambda: "-7".zfill(4)),
    ("expandtabs", lambda: "a\tb".expandtabs(4)),
    ("% negative star precision", lambda: "%.*f" % (-1, 1.5)),
]
for name, make in cases:
    try:
        print(name, "->", repr(make()))
    except (ValueError, MemoryError, OverflowError) as e:
        print(name, "->", type(e).__name__, e)
