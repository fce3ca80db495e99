# Several threads logging: each thread's lines keep their order, but how the threads interleave
# is up to the scheduler (change the seed, the CPUs or the time slice and watch it change).
import logging
import threading
import time

THREADS = 3  # slider: 1..16


def worker(index):
    logging.info("Thread %d: starting", index)
    time.sleep(2)
    logging.info("Thread %d: finishing", index)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    threads = []
    for index in range(THREADS):
        logging.info("Main    : create and start thread %d.", index)
        t = threading.Thread(target=worker, args=(index,))
        threads.append(t)
        t.start()
    for index, t in enumerate(threads):
        logging.info("Main    : before joining thread %d.", index)
        t.join()
        logging.info("Main    : thread %d done", index)
