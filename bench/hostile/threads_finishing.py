import threading


def work(i):
    return i * i


for i in range(100000):
    t = threading.Thread(target=work, args=(i,))
    t.start()
    t.join()
print("joined", i + 1)
