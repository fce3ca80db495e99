# A thread shares its process's resources; a process owns its own. Four threads and four
# processes each append to the global list `results`: the threads append to the main program's
# list, each process to its own copy, which vanishes with it. Starting them is timed: a process
# needs a new address space and a new interpreter, a thread only a stack and a TCB.
import multiprocessing
import threading
import time

WORKERS = 4  # slider: 1..8
results = []


def record(kind, index):
    results.append(f"{kind} {index}")


def start_and_join(kind, name):
    items = [kind(target=record, args=(name, i)) for i in range(WORKERS)]
    begin = time.perf_counter()
    for item in items:
        item.start()
    took = time.perf_counter() - begin
    for item in items:
        item.join()
    print(f"{WORKERS} x {name}: started in {took * 1e6:.0f} us, {took * 1e6 / WORKERS:.0f} us each")
    return took


if __name__ == "__main__":
    threads = start_and_join(threading.Thread, "thread")
    processes = start_and_join(multiprocessing.Process, "process")
    print(f"the main program's list holds {len(results)} items: {results}")
    print(f"starting a process took {processes / threads:.1f} times as long as starting a thread")
