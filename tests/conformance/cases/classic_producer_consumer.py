# The producer/consumer lesson with a fixed list of messages (the example's random messages and
# its 0.1 s of production would give CPython a different output on every run).
import concurrent.futures
import logging
import queue
import threading

SENTINEL = object()


def producer(pipeline, event):
    for message in [5, 3, 8, 1, 9, 2, 7, 4, 6, 10, 15, 12]:
        logging.info("Producer got message: %s", message)
        pipeline.put(message)
    event.set()
    pipeline.put(SENTINEL)
    logging.info("Producer received event. Exiting")


def consumer(pipeline, event):
    while True:
        message = pipeline.get()
        if message is SENTINEL:
            break
        logging.info("Consumer storing message: %s", message)
    logging.info("Consumer received event. Exiting (queue empty: %s)", pipeline.empty())


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    pipeline = queue.Queue(maxsize=3)
    event = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        executor.submit(producer, pipeline, event)
        executor.submit(consumer, pipeline, event)
    logging.info("Main: event set %s, %d left", event.is_set(), pipeline.qsize())
