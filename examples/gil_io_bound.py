# I/O-bound threads release the GIL while they wait, so their waits overlap: four one-second
# downloads take about one second, not four.
import threading
import time

THREADS = 4  # slider: 1..64


def download(index):
    time.sleep(1.0)  # stands for waiting on the network


if __name__ == "__main__":
    start = time.perf_counter()
    threads = [threading.Thread(target=download, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{THREADS} downloads took {time.perf_counter() - start:.1f} s")
