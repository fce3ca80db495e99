# An ordinary program of the kind issue 14 lists, run unchanged.
def describe(point):
    match point:
        case (0, 0):
            return "origin"
        case (0, y):
            return f"on y axis at {y}"
        case (x, 0):
            return f"on x axis at {x}"
        case (x, y) if x == y:
            return f"diagonal {x}"
        case (x, y):
            return f"point {x},{y}"
        case _:
            return "not a point"
for p in [(0, 0), (0, 5), (3, 0), (2, 2), (1, 7), "hello", (1, 2, 3)]:
    print(p, describe(p))
def command(c):
    match c.split():
        case ["go", direction]:
            return "going " + direction
        case ["take", *items]:
            return "taking " + ", ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "?"
print(command("go north"), command("take a b c"), command("exit"), command("dance"))
