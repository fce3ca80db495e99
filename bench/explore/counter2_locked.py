# Two threads each do `counter += 1` once, under a lock.
import threading

counter = 0
lock = threading.Lock()


def increment():
    global counter
    with lock:
        counter += 1


threads = [threading.Thread(target=increment) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
assert counter == 2, f"lost an update: counter is {counter}"
