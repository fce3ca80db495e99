# Two threads share one CPU. When the scheduler switches, the running thread's context (which
# instruction it was at, its frame and its locals) is saved in its control block, and the other
# thread's saved context is loaded; the switched-out thread resumes exactly where it stopped.
import threading

WORK = 100000  # slider: 1000..1000000


def count(name):
    n = WORK
    while n > 0:
        n -= 1


if __name__ == "__main__":
    a = threading.Thread(target=count, args=("a",), name="a")
    b = threading.Thread(target=count, args=("b",), name="b")
    a.start()
    b.start()
    a.join()
    b.join()
    print("both threads counted down from", WORK)
