# Booleans are ints with names; None is the single "no value" object.
print(True, False, None)
print(True + True, True * 10, False - 1)
print(True == 1, False == 0, True is True, None is None)
print(type(True).__name__, type(None).__name__)
print(not True, not False, not None, not 0, not "")

result = None
if result is None:
    print("no result yet")
result = 0
if result is not None:
    print("result is", result)

def find(items, wanted):
    for i, item in enumerate(items):
        if item == wanted:
            return i
    return None

print(find(["a", "b", "c"], "c"), find(["a", "b"], "z"))
print(bool(0), bool(1), bool(-3), bool(0.0), bool(""), bool("x"))
print(bool([]), bool([0]), bool(()), bool({}), bool({"k": 0}), bool(None))
print(str(True), repr(False), str(None))
print(None == 0, None == False, 1 == True)
flags = [True, False, True, True]
print("set flags:", sum(flags))
