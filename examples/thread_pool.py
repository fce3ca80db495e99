# ThreadPoolExecutor starts the workers and joins them when the with-block ends.
import concurrent.futures
import logging
import time

WORKERS = 3  # slider: 1..16


def worker(index):
    logging.info("Thread %d: starting", index)
    time.sleep(2)
    logging.info("Thread %d: finishing", index)
    return index * index


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as executor:
        results = list(executor.map(worker, range(3)))
    logging.info("Main    : results %s", results)
