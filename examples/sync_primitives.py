# Semaphore, Timer and Barrier: at most two workers in the "pool" at once, a timer that fires
# later, and a barrier that releases everyone together.
import threading
import time

slots = threading.Semaphore(2)
barrier = threading.Barrier(3)
print_lock = threading.Lock()


def say(text):
    with print_lock:
        print(text)


def worker(index):
    with slots:
        say(f"worker {index} in the pool")
        time.sleep(0.5)
    barrier.wait()
    if index == 0:
        say("all three passed the barrier")


def ring():
    say("timer fired")


if __name__ == "__main__":
    timer = threading.Timer(2.0, ring)
    timer.start()
    workers = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    timer.join()
    say("done")
