# if/elif/else: classify the load of a simulated CPU.
def classify(load):
    if load < 0:
        return "invalid"
    elif load == 0:
        return "idle"
    elif load < 50:
        return "light"
    elif load < 90:
        return "busy"
    else:
        return "saturated"

for load in [-1, 0, 10, 49, 50, 89, 90, 100]:
    print(load, classify(load))

def describe(thread):
    name, daemon, alive = thread
    if alive:
        if daemon:
            print(name, "runs in the background")
        else:
            print(name, "keeps the process alive")
    else:
        print(name, "has finished")

for t in [("log", True, True), ("main", False, True), ("job", False, False)]:
    describe(t)

x = 3
if x:
    print("truthy int")
if not []:
    print("empty list is falsy")
if x > 1: print("one-line if body")
