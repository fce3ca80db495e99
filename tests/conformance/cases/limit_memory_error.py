# A request for more memory than the process can have is MemoryError, raised where it is made
# and caught like any other exception; the program goes on.
def attempt(what, make):
    try:
        make()
    except MemoryError as e:
        print(what, "MemoryError", repr(e), isinstance(e, Exception))

attempt("list", lambda: [0] * (10**12))
attempt("tuple", lambda: (1, 2) * (10**12))
attempt("str", lambda: "ab" * (10**12))
print(issubclass(MemoryError, Exception), MemoryError.__name__)
small = [0] * 1000
print(len(small), len("ab" * 1000))
x = [None] * (10**13)
