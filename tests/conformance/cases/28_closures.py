# Closures keep the variables of the function that created them alive.
def make_counter(start):
    count = [start]
    def increment(step=1):
        count[0] += step
        return count[0]
    return increment

c1 = make_counter(0)
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())

def make_logger(name):
    lines = []
    def log(msg):
        lines.append(name + ": " + msg)
    def dump():
        return lines
    return log, dump

log, dump = make_logger("T1")
log("start")
log("stop")
print(dump())

def multipliers():
    funcs = []
    for k in range(1, 4):
        def mul(x, k=k):
            return x * k
        funcs.append(mul)
    return funcs

print([f(10) for f in multipliers()])

def late_binding():
    funcs = []
    for k in range(1, 4):
        funcs.append(lambda x: x * k)
    return funcs

print([f(10) for f in late_binding()])

def outer():
    value = "before"
    def read():
        return value
    value = "after"
    return read

print(outer()())
