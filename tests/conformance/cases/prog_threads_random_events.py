# An ordinary program of the kind issue 14 lists, run unchanged.
import threading, time, random
random.seed(42)
print([random.randint(1, 100) for _ in range(5)], random.choice("abc"), round(random.random(), 6))
lock = threading.RLock()
def nested():
    with lock:
        with lock:
            return threading.current_thread().name
t = threading.Thread(target=nested, name="T1"); t.start(); t.join()
print(nested(), threading.active_count(), t.is_alive())
ev = threading.Event()
def setter():
    time.sleep(0.01); ev.set()
threading.Thread(target=setter).start()
print(ev.wait(1), ev.is_set())
