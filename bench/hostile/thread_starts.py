import threading, time

for i in range(100000):
    threading.Thread(target=time.sleep, args=(0.5,)).start()
