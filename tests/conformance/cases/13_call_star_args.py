# *args and **kwargs, both when defining a function and when calling one.
def log(level, *parts, **fields):
    line = level + ": " + " ".join(parts)
    for key, value in fields.items():
        line += " " + key + "=" + str(value)
    return line

print(log("INFO"))
print(log("INFO", "thread", "started"))
print(log("WARN", "slow", tid=3, ms=120))

def count_args(*args, **kwargs):
    return len(args), len(kwargs), args, kwargs

print(count_args())
print(count_args(1, 2, x=3))

def run(target, args=(), kwargs=None):
    if kwargs is None:
        kwargs = {}
    return target(*args, **kwargs)

def work(name, times, sep="-"):
    return sep.join([name] * times)

print(run(work, ("ab", 3)))
print(run(work, ("ab", 2), {"sep": "+"}))
params = {"name": "cd", "times": 2}
print(work(**params))
values = ["x", 4]
print(work(*values, sep="."))
print(work(*["y"], **{"times": 3}))

def forward(*args, **kwargs):
    return log(*args, **kwargs)

print(forward("DEBUG", "forwarded", depth=2))
