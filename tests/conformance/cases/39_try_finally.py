# finally runs on every way out of a try: normal end, return, break, exception.
def release(lock):
    print("release", lock)

def with_return():
    try:
        print("holding A")
        return "returned"
    finally:
        release("A")

print(with_return())

def with_error():
    try:
        print("holding B")
        raise RuntimeError("failed while holding B")
    finally:
        release("B")

try:
    with_error()
except RuntimeError as e:
    print("caught:", e)

for i in range(3):
    try:
        if i == 1:
            break
        print("iteration", i)
    finally:
        print("cleanup", i)

def full(kind):
    try:
        print("try", kind)
        if kind == "bad":
            raise ValueError(kind)
    except ValueError as e:
        print("except", e)
    finally:
        print("finally", kind)
    print("after", kind)

full("good")
full("bad")
