# A race that one run hides: THREADS threads each add 1 to a global, with no sleep and no lock.
# `counter += 1` is a load, an add and a store; a thread preempted between its load and its store
# writes back a stale count. The default schedule lets each thread finish first, so it prints the
# right count; only some interleavings lose an update, and the assert then fails.
import threading

THREADS = 2  # slider: 2..4

counter = 0


def increment():
    global counter
    counter += 1


threads = [threading.Thread(target=increment) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
assert counter == THREADS, f"lost an update: counter is {counter}"
