# A program is only text; each process is one run of it with its own data. The two children run
# the same code, and each changes its own copy of `counter`: the parent's stays as it was.
import multiprocessing

WORKERS = 2  # slider: 1..8
counter = 0


def add_one(index):
    global counter
    counter += 1
    print(f"child {index} sees counter = {counter}")


if __name__ == "__main__":
    children = [multiprocessing.Process(target=add_one, args=(i,)) for i in range(WORKERS)]
    for child in children:
        child.start()
    for child in children:
        child.join()
    print(f"parent sees counter = {counter}")
