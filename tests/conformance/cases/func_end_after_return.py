# A function whose last statement returns on one path only: the other path runs off the end of
# the body and returns None.
import contextlib


def first_even(items):
    for x in items:
        if x % 2 == 0:
            return x


def sign(x):
    if x > 0:
        return "+"
    elif x < 0:
        return "-"


def until_stop(words):
    while words:
        if words[0] == "stop":
            return "stopped"
        words = words[1:]


def parse(text):
    try:
        return int(text)
    except ValueError:
        pass


def quiet(x):
    with contextlib.suppress(ZeroDivisionError):
        return 10 // x


def shape(point):
    match point:
        case (0, 0):
            return "origin"
        case (x, 0):
            return f"on x at {x}"


print(first_even([1, 3, 4]), first_even([1, 3]))
print(sign(5), sign(-5), sign(0))
print(until_stop(["a", "stop"]), until_stop(["a", "b"]))
print(parse("12"), parse("twelve"))
print(quiet(5), quiet(0))
print(shape((0, 0)), shape((3, 0)), shape((1, 1)))
