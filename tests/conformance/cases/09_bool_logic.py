# and/or return one of their operands and skip the right side when they can.
trace = []

def check(name, value):
    trace.append(name)
    return value

print(True and False, True or False, not (True and False))
print(0 and 5, 3 and 5, 0 or 5, 3 or 5, "" or "default", None or [])
print(check("a", False) and check("b", True))
print(check("c", True) or check("d", True))
print(check("e", True) and check("f", 0) or check("g", "fallback"))
print(trace)

def describe(name):
    label = name or "anonymous"
    return label.upper()

print(describe("worker"), describe(""))
queue = []
if not queue:
    print("queue empty")
queue.append(1)
if queue and queue[0] == 1:
    print("first job is 1")
print(not 1 == 2, not (1 == 2) and True)
print(1 < 2 and 2 < 3 or False)
x = 7
print(x > 5 and "big" or "small")
print([] and "never", [0] and "list truthy")
