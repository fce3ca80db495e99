# Giants made in one instruction each, out of reach of the run's instruction budget: each stops
# with CPython's error (MemoryError, RecursionError) or, where CPython would run for ever, with
# a RuntimeError of the lab's own; the program catches each and goes on.
nested = []
for _ in range(100_000):
    nested = [nested]
doubled, other = [], []
for _ in range(40):
    doubled, other = [doubled, doubled], [other, other]

giants = [
    ("padding", lambda: "x".ljust(10**9)),
    ("format width", lambda: f"{1:{10**9}}"),
    ("join", lambda: ",".join(["x" * 10**6] * 1000)),
    ("enumerate", lambda: list(enumerate(range(10**9)))),
    ("repr nested 100 000 deep", lambda: repr(nested)),
    ("== of 2**40 nested values", lambda: doubled == other),
    ("count of a long needle", lambda: ("a" * 10**7).count("a" * 10**5 + "b")),
]
for name, make in giants:
    try:
        result = make()
        print(name, "->", result)
    except (MemoryError, RecursionError, RuntimeError) as error:
        print(name, "->", type(error).__name__)
print("done")
