# Three threads each increment twice, under a lock: no update is lost.
import threading

counter = 0
lock = threading.Lock()


def increment():
    global counter
    for _ in range(2):
        with lock:
            counter += 1


threads = [threading.Thread(target=increment) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
assert counter == 6, f"lost an update: counter is {counter}"
