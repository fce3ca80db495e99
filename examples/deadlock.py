# Two threads take two locks in opposite orders: each ends up holding one and waiting for the
# other. Threadlab detects the cycle and reports who holds and who waits for what.
import threading
import time

first = threading.Lock()
second = threading.Lock()


def transfer_a():
    with first:
        time.sleep(0.1)
        with second:
            print("a moved the money")


def transfer_b():
    with second:
        time.sleep(0.1)
        with first:
            print("b moved the money")


if __name__ == "__main__":
    a = threading.Thread(target=transfer_a, name="transfer-a")
    b = threading.Thread(target=transfer_b, name="transfer-b")
    a.start()
    b.start()
    a.join()
    b.join()
    print("done")
