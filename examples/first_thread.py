# Your first thread: Thread(target=..., args=(1,)) makes it, start() runs it. With JOIN = 1 the
# main thread waits for it at join(); with JOIN = 0 it does not wait, yet Python still waits for
# the (non-daemon) thread before the program exits.
import logging
import threading
import time

JOIN = 1  # slider: 0..1


def worker(name):
    logging.info("Thread %s: starting", name)
    time.sleep(2)
    logging.info("Thread %s: finishing", name)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    logging.info("Main    : before creating thread")
    x = threading.Thread(target=worker, args=(1,))
    logging.info("Main    : before running thread")
    x.start()
    if JOIN:
        logging.info("Main    : wait for the thread to finish")
        x.join()
    logging.info("Main    : all done")
