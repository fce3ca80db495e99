# The order of except, finally and enclosing handlers across nested calls.
trail = []

def inner(kind):
    try:
        trail.append("inner try")
        if kind == "raise":
            raise KeyError("k")
        return "inner value"
    finally:
        trail.append("inner finally")

def middle(kind):
    try:
        return inner(kind) + "!"
    except ValueError:
        trail.append("middle wrong handler")
        return "none"
    finally:
        trail.append("middle finally")

def outer(kind):
    try:
        result = middle(kind)
    except KeyError as e:
        trail.append("outer caught " + repr(e))
        result = "recovered"
    trail.append("outer after")
    return result

for kind in ["ok", "raise"]:
    trail = []
    print(kind, outer(kind))
    print("  " + " > ".join(trail))

def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append("body%d" % i)
        finally:
            out.append("fin%d" % i)
    return out

print(loop_with_finally())
