# An ordinary program of the kind issue 14 lists, run unchanged.
from contextlib import contextmanager, suppress
import io
@contextmanager
def section(title):
    print(f"<{title}>")
    try:
        yield title.upper()
    finally:
        print(f"</{title}>")
with section("intro") as t:
    print("inside", t)
with suppress(KeyError):
    {}["missing"]
    print("not printed")
buf = io.StringIO()
print("hello", "world", file=buf, sep="-")
buf.write("more\n")
print(repr(buf.getvalue()))
with (section("a") as x, section("b") as y):
    print(x, y)
