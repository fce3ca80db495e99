# An ordinary program of the kind issue 14 lists, run unchanged.
import threading
class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()
def transfer(src, dst, amount, n):
    for _ in range(n):
        first, second = sorted([src, dst], key=id)
        with first.lock:
            with second.lock:
                src.balance -= amount
                dst.balance += amount
a, b = Account(1000), Account(1000)
ts = [threading.Thread(target=transfer, args=(a, b, 1, 100)), threading.Thread(target=transfer, args=(b, a, 2, 50))]
for t in ts: t.start()
for t in ts: t.join()
print(a.balance, b.balance, a.balance + b.balance)
