import threading


def work(i):
    return i * i


# Threads started and joined one after another, for ever. CPython runs on; the lab keeps every
# thread's record to the end of the run, and refuses the thread its table has no room for.
i = 0
while True:
    t = threading.Thread(target=work, args=(i,))
    t.start()
    t.join()
    i += 1
