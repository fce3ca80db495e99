# string constants, io.StringIO, contextlib (contextmanager, suppress, nullcontext,
# closing), typing names and __future__.annotations.
from __future__ import annotations
import string
import io
from contextlib import contextmanager, suppress, nullcontext, closing
from typing import List, Dict, Optional, Tuple, Callable, Any, Union, Iterable, TypeVar, cast

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   big world"), string.ascii_uppercase[:5])

buffer = io.StringIO()
buffer.write("first line\n")
print("second", "line", file=buffer)
print(buffer.getvalue(), end="")
print(repr(buffer.getvalue()), buffer.tell())
reader = io.StringIO("a\nb\nc")
print(reader.readline(), reader.read(), repr(reader.read()), reader.seek(0), reader.readlines())
print([line for line in io.StringIO("x\ny\n")])
with io.StringIO("closed soon") as f:
    print(f.read(6))
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)

events = []
def tag(name):
    events.append("<" + name + ">")
    try:
        yield name.upper()
    finally:
        events.append("</" + name + ">")
tag = contextmanager(tag)
with tag("b") as value:
    events.append(value)
print(events)
try:
    with tag("i"):
        raise KeyError("inside")
except KeyError as e:
    print("KeyError:", e, events[-1])

def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("handled in the generator")
swallow = contextmanager(swallow)
with swallow():
    1 / 0
print("after swallow")

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("ValueError:", e)
with nullcontext(42) as n:
    print(n)

class Resource:
    def close(self):
        print("closed")
with closing(Resource()) as r:
    print(type(r).__name__)

T = TypeVar("T")
def first(items: List[T], default: Optional[T] = None) -> Optional[T]:
    return items[0] if items else default
def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)
scores: Dict[str, int] = {"a": 1}
print(first([3, 4]), first([], "none"), apply(lambda v: v * 2, 5), scores, cast(int, "3"))
print(List[int], Dict[str, List[int]], Optional[str], Tuple[int, str], Callable[[int], str], T)
print(Union[int, str], Any, Iterable[int])
