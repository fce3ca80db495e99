# isinstance follows inheritance; type() gives the exact class.
class Event:
    pass

class LockEvent(Event):
    pass

class AcquireEvent(LockEvent):
    pass

e = AcquireEvent()
print(isinstance(e, AcquireEvent), isinstance(e, LockEvent), isinstance(e, Event))
print(isinstance(Event(), LockEvent), type(e) is AcquireEvent, type(e) is Event)
print(type(e).__name__, type(Event()).__name__)

values = [1, 2.5, "s", True, None, [1], (1,), {"k": 1}]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int))
print(type(1), type("x"), type(None), type([]))
print(type(e))
print(isinstance(3, (str, int)), isinstance("x", (int, float)))
print(type(3) == int, type(3.0) == float, type("") is str)

def check_amount(amount):
    if not isinstance(amount, (int, float)) or isinstance(amount, bool):
        return "bad amount: " + repr(amount)
    return "ok " + str(amount)

print(check_amount(5), check_amount(2.5), check_amount("5"), check_amount(True))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError("k"), LookupError))
