# Parenthesised context managers (3.10): with (a as x, b as y):
from contextlib import contextmanager
@contextmanager
def tag(n):
    print("enter", n)
    yield n
    print("exit", n)
with (tag(1) as a, tag(2) as b):
    print(a, b)
with (tag(3) as a,
      tag(4)):
    print(a)
with (tag(5), tag(6),):
    pass
with (tag(7)):
    pass
with (tag(8)) as c:
    print(c)
with (tag(9) as d):
    print(d)
