# with: __enter__ runs first, __exit__ always runs, and a true result from
# __exit__ swallows the exception.
class Lock:
    def __init__(self, name):
        self.name = name
        self.held = False

    def __enter__(self):
        print("acquire", self.name)
        self.held = True
        return self

    def __exit__(self, exc_type, exc, tb):
        self.held = False
        if exc_type is None:
            print("release", self.name)
        else:
            print("release", self.name, "after", exc_type.__name__, exc)
        return False


class Suppress:
    def __enter__(self):
        return "suppressing"

    def __exit__(self, exc_type, exc, tb):
        print("suppressed", exc_type.__name__ if exc_type else None)
        return True


lock = Lock("balance")
with lock as held:
    print("inside, held =", held.held, held is lock)
print("after, held =", lock.held)

try:
    with Lock("queue"):
        print("working")
        raise ValueError("queue corrupted")
    print("not reached")
except ValueError as e:
    print("caught", e)

with Suppress() as tag:
    print(tag)
    x = 1 // 0
print("continued after suppression")

def guarded():
    with Lock("inner"):
        return "returned from inside with"

print(guarded())
with Lock("a"), Lock("b"):
    print("holding both")
