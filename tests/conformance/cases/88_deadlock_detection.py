# Detect a deadlock from a lock table: who holds what, who waits for what.
holds = {"T1": ["L1"], "T2": ["L2"], "T3": ["L3"], "T4": []}
waits = {"T1": "L2", "T2": "L3", "T3": "L1", "T4": "L1"}

def owner_of(lock):
    for thread, locks in holds.items():
        if lock in locks:
            return thread
    return None

def waits_on_thread(thread):
    lock = waits.get(thread)
    return owner_of(lock) if lock is not None else None

def cycle_from(start):
    seen = []
    current = start
    while current is not None and current not in seen:
        seen.append(current)
        current = waits_on_thread(current)
    if current is None:
        return None
    return seen[seen.index(current):]

for thread in sorted(holds):
    cycle = cycle_from(thread)
    if cycle is None:
        print(thread, "can make progress")
    elif cycle[0] == thread:
        print(thread, "is in the cycle", " -> ".join(cycle + [thread]))
    else:
        print(thread, "waits behind the cycle", " -> ".join(cycle + [cycle[0]]))

waits["T3"] = None
print("after T3 stops waiting:")
for thread in sorted(holds):
    print(" ", thread, "stuck" if cycle_from(thread) else "free")
