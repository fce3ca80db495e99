# Nested functions: helpers defined inside the function that uses them.
def summarize(events):
    def is_switch(event):
        return event[1] == "switch"

    def fmt(event):
        return "%3d %s" % (event[0], event[2])

    lines = []
    for e in events:
        if is_switch(e):
            lines.append(fmt(e))
    return lines

events = [(1, "switch", "T1->T2"), (2, "io", "T2"), (5, "switch", "T2->T1")]
for line in summarize(events):
    print(line)

def outer():
    def middle():
        def inner():
            return "inner"
        return "middle+" + inner()
    return "outer+" + middle()

print(outer())

def make_formatter(prefix):
    def formatter(message):
        return prefix + ": " + message
    return formatter

info = make_formatter("INFO")
warn = make_formatter("WARN")
print(info("started"), "|", warn("slow"))

def factorial(n):
    def go(k, acc):
        if k <= 1:
            return acc
        return go(k - 1, acc * k)
    return go(n, 1)

print(factorial(10))
