# A producer puts messages on a bounded queue, a consumer takes them off, and an Event tells
# both when to stop.
import concurrent.futures
import logging
import queue
import random
import threading
import time

QUEUE_SIZE = 10  # slider: 1..50


def producer(pipeline, event):
    while not event.is_set():
        message = random.randint(1, 101)
        logging.info("Producer got message: %s", message)
        pipeline.put(message)
    logging.info("Producer received event. Exiting")


def consumer(pipeline, event):
    while not event.is_set() or not pipeline.empty():
        message = pipeline.get()
        logging.info("Consumer storing message: %s (size=%d)", message, pipeline.qsize())
    logging.info("Consumer received event. Exiting")


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    pipeline = queue.Queue(maxsize=QUEUE_SIZE)
    event = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        executor.submit(producer, pipeline, event)
        executor.submit(consumer, pipeline, event)
        time.sleep(0.1)
        logging.info("Main: about to set event")
        event.set()
