# A race condition: every update reads the shared value, sleeps inside the critical section and
# writes back its stale copy, so all but one update are lost.
import concurrent.futures
import logging
import time

WORKERS = 2  # slider: 1..16


class FakeDatabase:
    def __init__(self):
        self.value = 0

    def update(self, name):
        logging.info("Thread %s: starting update", name)
        local_copy = self.value
        local_copy += 1
        time.sleep(0.1)
        self.value = local_copy
        logging.info("Thread %s: finishing update", name)


if __name__ == "__main__":
    logging.basicConfig(format="%(asctime)s: %(message)s", level=logging.INFO, datefmt="%H:%M:%S")
    database = FakeDatabase()
    logging.info("Testing update. Starting value is %d.", database.value)
    with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as executor:
        for index in range(WORKERS):
            executor.submit(database.update, index)
    logging.info("Testing update. Ending value is %d.", database.value)
