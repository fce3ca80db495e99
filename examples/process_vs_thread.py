# A thread shares its process's resources; a process owns its own. Four threads and four
# processes each append to the global list `results`: the threads append to the main program's
# list, each process to its own copy, which vanishes with it.
import multiprocessing
import threading

WORKERS = 4  # slider: 1..8
results = []


def record(kind, index):
    results.append(f"{kind} {index}")


def start_and_join(kind, name):
    items = [kind(target=record, args=(name, i)) for i in range(WORKERS)]
    for item in items:
        item.start()
    for item in items:
        item.join()


if __name__ == "__main__":
    start_and_join(threading.Thread, "thread")
    start_and_join(multiprocessing.Process, "process")
    print(f"the main program's list holds {len(results)} items: {results}")
