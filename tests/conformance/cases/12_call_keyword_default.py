# Calls with positional, keyword and default arguments.
def make_thread(target, name="Thread-1", daemon=False, priority=0):
    return name + ":" + target + ":" + str(daemon) + ":" + str(priority)

print(make_thread("worker"))
print(make_thread("worker", "T2"))
print(make_thread("worker", daemon=True))
print(make_thread(target="io", priority=5, name="io-1"))
print(make_thread("cpu", "T3", True, 9))
print(make_thread("mix", priority=1, daemon=True))

def transfer(src, dst, amount, fee=0.0, note=None):
    text = src + " -> " + dst + " " + str(amount + fee)
    if note is not None:
        text += " (" + note + ")"
    return text

print(transfer("alice", "bob", 10))
print(transfer("alice", "bob", 10, 0.5))
print(transfer(dst="carol", src="bob", amount=3, note="rent"))

def interval(start, stop=None, step=1):
    if stop is None:
        start, stop = 0, start
    out = []
    while start < stop:
        out.append(start)
        start += step
    return out

print(interval(4), interval(2, 5), interval(0, 10, step=3))
