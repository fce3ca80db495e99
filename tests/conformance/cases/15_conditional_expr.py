# Conditional expressions pick one of two values and evaluate only that one.
def state_name(code):
    return "running" if code == 1 else "ready" if code == 2 else "blocked"

for code in [1, 2, 3]:
    print(code, state_name(code))

balance = -20
print("overdrawn" if balance < 0 else "ok")
print(abs(balance) if balance < 0 else balance)

def loud(value):
    print("evaluated", value)
    return value

x = loud("yes") if True else loud("no")
print(x)
y = loud("yes") if False else loud("no")
print(y)

threads = 4
label = "%d thread%s" % (threads, "" if threads == 1 else "s")
print(label)
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
limit = None
print((limit if limit is not None else 10) * 2)
