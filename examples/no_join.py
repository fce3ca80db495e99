# The same worker without join(): the main thread's code ends first, yet Python still waits
# for the (non-daemon) thread before the program exits.
import logging
import threading
import time


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
    logging.info("Main    : all done")
