# A generator suspended in an except clause: the exception it handles stays its own.
def gen():
    try:
        raise ValueError("inside")
    except ValueError:
        yield 1
        yield 2
g = gen()
print(next(g))
try:
    raise KeyError("later")
except KeyError as e:
    print(repr(e.__context__))
raise RuntimeError("final")
