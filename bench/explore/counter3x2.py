# Three threads each increment twice.
import threading

counter = 0


def increment():
    global counter
    for _ in range(2):
        counter += 1


threads = [threading.Thread(target=increment) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
assert counter == 6, f"lost an update: counter is {counter}"
