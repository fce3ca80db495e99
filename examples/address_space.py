# One process, one address space: its code is the text, its globals the data, the objects it
# makes live on the heap, and each thread has a stack of calls with their local variables.
import threading
import time

GREETING = "hello"  # a global: in the data region
scores = [90, 75, 60]  # a global naming a list, which lives on the heap


def average(values):
    total = 0  # a local: in this call's frame, on the stack of the thread that calls it
    for value in values:
        total += value
    return total / len(values)


def worker(name):
    mine = {"name": name, "average": average(scores)}  # a new object on the heap
    time.sleep(0.1)
    print(f"{name}: {mine}")


if __name__ == "__main__":
    t = threading.Thread(target=worker, args=("worker",), name="worker")
    t.start()
    t.join()
    print(GREETING, "from the main thread; average", average(scores))
