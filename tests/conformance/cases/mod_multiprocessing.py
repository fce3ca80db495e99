# multiprocessing.Process: each child runs in its own process; join waits for it, exitcode says
# how it ended. Children are started and joined one at a time, so the output is deterministic.
# (A child's uncaught exception is checked by the unit tests: CPython's traceback shows frames of
# its own multiprocessing sources.)
import multiprocessing
import os
import time


def greet(who, punct="!"):
    me = multiprocessing.current_process()
    print("hello", who + punct, "from", me.name, me.pid == os.getpid(), os.getppid() != os.getpid())


def square_all(numbers, results=None):
    print([n * n for n in numbers], results)


def leave(code):
    raise SystemExit(code)


def forever():
    while True:
        time.sleep(0.01)


class Counter(multiprocessing.Process):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def run(self):
        total = 0
        for i in range(self.limit):
            total += i
        print(self.name, "counted", total)


if __name__ == "__main__":
    print(multiprocessing.current_process().name, multiprocessing.current_process())
    jobs = [
        multiprocessing.Process(target=greet, args=("world",), kwargs={"punct": "?"}),
        multiprocessing.Process(target=square_all, args=([1, 2, 3],), kwargs={"results": {"a": (1, 2.5)}}),
        multiprocessing.Process(target=leave, args=(0,), name="zero"),
        multiprocessing.Process(target=leave, args=(4,), name="four"),
        Counter(100),
    ]
    for job in jobs:
        print("before start:", job.name, job.is_alive(), job.exitcode, job.daemon)
        job.start()
        job.join()
        print("after join:", job.name, job.is_alive(), job.exitcode)
    stuck = multiprocessing.Process(target=forever)
    stuck.start()
    stuck.join(0.05)
    print("still running:", stuck.is_alive(), stuck.exitcode)
    stuck.terminate()
    stuck.join()
    print("terminated:", stuck.is_alive(), stuck.exitcode)
    print("children left:", multiprocessing.active_children())
