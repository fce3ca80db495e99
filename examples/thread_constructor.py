# Thread(group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None): every argument
# ends up in the thread's control block. A subclass overrides run() and must call
# Thread.__init__ first. Only threads without a name use up a number of "Thread-N".
import threading
import time


def greet(greeting, who="world"):
    time.sleep(0.1)
    print(f"{threading.current_thread().name}: {greeting}, {who}")


class Counter(threading.Thread):
    def __init__(self, limit):
        threading.Thread.__init__(self)  # first, or start() fails
        self.limit = limit

    def run(self):
        print(f"{self.name}: counted to {sum(1 for _ in range(self.limit))}")


if __name__ == "__main__":
    named = threading.Thread(target=greet, name="greeter", args=("hello",), kwargs={"who": "lab"})
    counter = Counter(3)
    background = threading.Thread(target=greet, args=("bye",), daemon=True)
    for t in (named, counter, background):
        print(f"created {t.name}, daemon={t.daemon}")
    for t in (named, counter, background):
        t.start()
    named.join()
    counter.join()
    background.join()
