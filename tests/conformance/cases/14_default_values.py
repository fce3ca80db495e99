# Default values are evaluated once, when the def runs: a shared list default
# keeps growing, the None idiom gives a fresh list per call.
def add_job_shared(job, queue=[]):
    queue.append(job)
    return queue

print(add_job_shared("a"))
print(add_job_shared("b"))
print(add_job_shared("c", []))
print(add_job_shared("d"))

def add_job_fresh(job, queue=None):
    if queue is None:
        queue = []
    queue.append(job)
    return queue

print(add_job_fresh("a"))
print(add_job_fresh("b"))

limit = 3

def under_limit(n, cap=limit):
    return n < cap

limit = 100
print(under_limit(5), under_limit(2))

def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ada"))
print(greet("Ada", punct="?"))
print(greet("Ada", "Hi"))
