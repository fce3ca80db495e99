# An exception raised deep in a call chain unwinds every frame, running each
# finally on the way out, until a handler catches it or the program ends.
class JobFailed(Exception):
    pass

def step(n):
    if n == 3:
        raise JobFailed("step %d failed" % n)
    return n * 10

def run_job(name, steps):
    print("job", name, "start")
    try:
        total = 0
        for n in range(steps):
            total += step(n)
        return total
    finally:
        print("job", name, "cleanup")

def worker(jobs):
    results = []
    for name, steps in jobs:
        try:
            results.append(run_job(name, steps))
        except JobFailed as e:
            print("worker caught:", e)
            results.append(None)
    return results

print(worker([("a", 2), ("b", 5), ("c", 3)]))

def level3():
    return {"k": 1}["missing"]

def level2():
    return level3() + 1

def level1():
    try:
        return level2()
    finally:
        print("level1 finally")

level1()
