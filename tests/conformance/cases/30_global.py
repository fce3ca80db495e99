# global rebinds a module-level name; reading one needs no declaration.
counter = 0
LIMIT = 3
log = []

def increment():
    global counter
    counter += 1

def over_limit():
    return counter > LIMIT

def record(msg):
    log.append(msg)

for _ in range(5):
    increment()
    record("count=%d" % counter)
print(counter, over_limit(), log)

def reset():
    global counter, LIMIT
    counter = 0
    LIMIT = 10

reset()
print(counter, LIMIT, over_limit())

def local_shadow():
    counter = 42
    return counter

print(local_shadow(), counter)

def create_global():
    global created
    created = "made inside a function"

create_global()
print(created)
