# try/except: matching by class, by base class, by tuple, and the "as" name.
def parse_amount(text):
    try:
        return int(text)
    except ValueError:
        return None

print(parse_amount("42"), parse_amount("4x2"))

def lookup(table, key):
    try:
        return table[key]
    except KeyError as e:
        return "missing " + repr(e.args[0])

print(lookup({"a": 1}, "a"), lookup({"a": 1}, "b"))

def risky(kind):
    if kind == "zero":
        return 1 // 0
    if kind == "index":
        return [][3]
    if kind == "type":
        return "a" + 1
    return "fine"

for kind in ["zero", "index", "type", "none"]:
    try:
        print(risky(kind))
    except (ZeroDivisionError, IndexError) as e:
        print("arith/index:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)

try:
    {}["k"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    try:
        raise ValueError("inner")
    except KeyError:
        print("not reached")
except ValueError as e:
    print("outer caught", e)
