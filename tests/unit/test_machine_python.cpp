// Python programs on the simulated machine: the threading and time modules as a Python user
// sees them (output, timings on the simulated clock, CPython's errors), and the GIL's effects
// on real bytecode.
#include <doctest/doctest.h>

#include <string>

#include "engine/python_machine.h"

using namespace sim;

namespace {

struct Outcome {
    RunStatus status = RunStatus::Paused;
    int exit_status = 0;
    std::string out;
    std::string err;
    SimTime end_time = 0;
    uint64_t hash = 0;
    int64_t gil_handoffs = 0;
    std::string deadlock;
};

Outcome run_python(const std::string& source, MachineConfig config = {}) {
    PythonRun run(config);
    Outcome o;
    if (auto error = run.start(source, "test.py")) {
        o.err = error->message;
        return o;
    }
    o.status = run.run();
    const Trace& trace = run.machine().trace();
    for (uint64_t i = trace.output_first(); i < trace.output_count(); ++i) {
        const OutputLine& line = trace.output(i);
        (line.stream == OutputStream::Stdout ? o.out : o.err) += line.text + (line.newline ? "\n" : "");
    }
    o.exit_status = run.exit_status();
    o.end_time = trace.stats().end_time;
    o.hash = trace.hash();
    o.gil_handoffs = trace.stats().gil_handoffs;
    if (o.status == RunStatus::Deadlock)
        o.deadlock = run.machine().describe_deadlock();
    return o;
}

MachineConfig cpus(int n, bool gil = true) {
    MachineConfig c;
    c.cpus = n;
    c.gil = gil;
    return c;
}

} // namespace

TEST_CASE("a program without threads prints as python3 does") {
    const Outcome o = run_python("print('hello')\nprint(1 + 2, end='')\n");
    CHECK(o.status == RunStatus::Finished);
    CHECK(o.out == "hello\n3");
    CHECK(o.exit_status == 0);
}

TEST_CASE("start and join: the thread runs as soon as it starts, main waits at join") {
    const Outcome o = run_python(R"(
import threading, time

def worker(name):
    print("Thread", name, "starting")
    time.sleep(2)
    print("Thread", name, "finishing")

print("Main: before creating thread")
x = threading.Thread(target=worker, args=(1,))
print("Main: before running thread")
x.start()
print("Main: wait for the thread to finish")
x.join()
print("Main: all done")
)");
    CHECK(o.status == RunStatus::Finished);
    CHECK(o.out ==
          "Main: before creating thread\nMain: before running thread\nThread 1 starting\n"
          "Main: wait for the thread to finish\nThread 1 finishing\nMain: all done\n");
    CHECK(o.end_time > 2 * kSecond);
    CHECK(o.end_time < 2 * kSecond + kMillisecond);
}

TEST_CASE("a daemon thread is killed at exit: its last line never prints") {
    const Outcome o = run_python(R"(
import threading, time

def worker():
    print("starting")
    time.sleep(2)
    print("finishing")

threading.Thread(target=worker, daemon=True).start()
print("all done")
)");
    CHECK(o.status == RunStatus::Finished);
    CHECK(o.out == "starting\nall done\n");
    CHECK(o.end_time < kMillisecond);
}

TEST_CASE("without join, main's end still waits for non-daemon threads") {
    const Outcome o = run_python(R"(
import threading, time
threading.Thread(target=time.sleep, args=(1.5,)).start()
print("main done")
)");
    CHECK(o.out == "main done\n");
    CHECK(o.end_time >= 1500 * kMillisecond);
}

TEST_CASE("four threads sleeping one second take one second: time.perf_counter on the simulated clock") {
    const Outcome o = run_python(R"(
import threading, time
start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(1.0,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{time.perf_counter() - start:.2f} s")
)");
    CHECK(o.out == "1.00 s\n");
}

TEST_CASE("time.time starts at 12:00:00 on 2024-01-01 UTC, time.monotonic at 0") {
    const Outcome o = run_python(R"(
import time
t = time.time()
print(int(t), time.monotonic_ns() < 1000000)
time.sleep(0.25)
print(round(time.time() - t, 3), round(time.monotonic(), 3))
)");
    CHECK(o.out == "1704110400 True\n0.25 0.25\n");
}

TEST_CASE("thread names, current_thread and idents follow CPython") {
    const Outcome o = run_python(R"(
import threading

def show():
    t = threading.current_thread()
    print(t.name, t.ident == threading.get_ident(), t is not threading.main_thread())

a = threading.Thread(target=show)
b = threading.Thread(target=show, name="custom")
a.start(); a.join(); b.start(); b.join()
print(threading.current_thread().name, a.is_alive(), threading.active_count())
print(repr(threading.Thread(name="x")))
)");
    CHECK(o.out == "Thread-1 (show) True True\ncustom True True\nMainThread False 1\n<Thread(x, initial)>\n");
}

TEST_CASE("a subclass of Thread overriding run() and calling Thread.__init__ first") {
    const Outcome o = run_python(R"(
import threading

class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
    def run(self):
        print("worker", self.n, self.name)

w = Worker(7)
w.start()
w.join()
)");
    CHECK(o.out == "worker 7 Thread-1\n");
}

TEST_CASE("misuse raises CPython's RuntimeErrors") {
    const Outcome o = run_python(R"(
import threading
t = threading.Thread(target=print)
try:
    t.join()
except RuntimeError as e:
    print(e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print(e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)
lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print(e)
r = threading.RLock()
try:
    r.release()
except RuntimeError as e:
    print(e)
c = threading.Condition()
try:
    c.wait()
except RuntimeError as e:
    print(e)
s = threading.BoundedSemaphore(1)
try:
    s.release()
except ValueError as e:
    print(e)
)");
    CHECK(o.out ==
          "cannot join thread before it is started\n\nthreads can only be started once\ncannot join current thread\n"
          "release unlocked lock\ncannot release un-acquired lock\ncannot wait on un-acquired lock\n"
          "Semaphore released too many times\n");
}

TEST_CASE("an exception in a thread is printed by that thread; main goes on, exit status 0") {
    const Outcome o = run_python(R"(
import threading
def fail():
    raise ValueError("bad")
t = threading.Thread(target=fail)
t.start()
t.join()
print("main goes on")
)");
    CHECK(o.out == "main goes on\n");
    CHECK(o.err.rfind("Exception in thread Thread-1 (fail):\nTraceback (most recent call last):\n", 0) == 0);
    CHECK(o.err.find("ValueError: bad\n") != std::string::npos);
    CHECK(o.exit_status == 0);
}

TEST_CASE("the main thread's uncaught exception gives exit status 1; SystemExit its code") {
    const Outcome failed = run_python("raise KeyError('k')\n");
    CHECK(failed.exit_status == 1);
    CHECK(failed.err.find("KeyError: 'k'") != std::string::npos);
    CHECK(run_python("raise SystemExit(4)\n").exit_status == 4);
}

TEST_CASE("a counter updated under a Lock by four threads on four CPUs loses nothing") {
    const std::string program = R"(
import threading
count = 0
lock = threading.Lock()
def add():
    global count
    for _ in range(2000):
        with lock:
            count += 1
threads = [threading.Thread(target=add) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(count)
)";
    CHECK(run_python(program, cpus(4)).out == "8000\n");
    CHECK(run_python(program, cpus(4, false)).out == "8000\n");
}

TEST_CASE("free-threaded on two CPUs, an unlocked read-modify-write loses updates") {
    const std::string program = R"(
import threading
count = 0
def add():
    global count
    for _ in range(20000):
        count += 1
threads = [threading.Thread(target=add) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(count < 40000)
)";
    CHECK(run_python(program, cpus(2, false)).out == "True\n");
}

TEST_CASE("Condition: a consumer waits until the producer notifies") {
    const Outcome o = run_python(R"(
import threading, time
items = []
cond = threading.Condition()
def consumer():
    with cond:
        while not items:
            cond.wait()
        print("got", items.pop(), round(time.monotonic(), 3))
def producer():
    time.sleep(0.5)
    with cond:
        items.append(42)
        cond.notify()
c = threading.Thread(target=consumer); p = threading.Thread(target=producer)
c.start(); p.start(); c.join(); p.join()
with cond:
    print(cond.wait(0.1), cond.wait_for(lambda: True))
)");
    CHECK(o.out == "got 42 0.5\nFalse True\n");
}

TEST_CASE("Event, Semaphore, Barrier and Timer") {
    const Outcome o = run_python(R"(
import threading, time
ev = threading.Event()
def waiter():
    print("event", ev.wait(), round(time.monotonic(), 2))
w = threading.Thread(target=waiter); w.start()
time.sleep(0.2); ev.set(); w.join()
print(ev.is_set(), threading.Event().wait(0.05))

sem = threading.Semaphore(2)
start = time.monotonic()
def limited():
    with sem:
        time.sleep(0.1)
ts = [threading.Thread(target=limited) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("semaphore", round(time.monotonic() - start, 2))

b = threading.Barrier(3)
order = []
def party(delay):
    time.sleep(delay)
    order.append(b.wait())
ps = [threading.Thread(target=party, args=(d,)) for d in (0.3, 0.1, 0.2)]
for p in ps: p.start()
for p in ps: p.join()
print("barrier", sorted(order))

fired = []
timer = threading.Timer(0.05, fired.append, args=("x",))
timer.start(); timer.join()
cancelled = threading.Timer(0.05, fired.append, args=("y",))
cancelled.start(); cancelled.cancel(); cancelled.join()
print("timer", fired)
)");
    CHECK(o.out == "event True 0.2\nTrue False\nsemaphore 0.2\nbarrier [0, 1, 2]\ntimer ['x']\n");
}

TEST_CASE("a Python deadlock ends the run with the wait-for cycle by thread name") {
    const Outcome o = run_python(R"(
import threading, time
a = threading.Lock(); b = threading.Lock()
def one():
    with a:
        time.sleep(0.1)
        with b:
            pass
def two():
    with b:
        time.sleep(0.1)
        with a:
            pass
x = threading.Thread(target=one, name="one"); y = threading.Thread(target=two, name="two")
x.start(); y.start(); x.join(); y.join()
)");
    CHECK(o.status == RunStatus::Deadlock);
    CHECK(o.deadlock.find("one holds Lock#") != std::string::npos);
    CHECK(o.deadlock.find("wait-for cycle: one -> two -> one") != std::string::npos);
}

TEST_CASE("CPU-bound Python threads: no speedup with the GIL, near 2x on 2 CPUs without") {
    const std::string program = R"(
import threading
def count(n):
    while n > 0:
        n -= 1
threads = [threading.Thread(target=count, args=(100000,)) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
)";
    const Outcome one_cpu = run_python(program, cpus(1));
    const Outcome with_gil = run_python(program, cpus(2));
    const Outcome free = run_python(program, cpus(2, false));
    CHECK(with_gil.end_time >= one_cpu.end_time * 99 / 100);
    CHECK(with_gil.gil_handoffs > 0);
    CHECK(free.end_time < one_cpu.end_time * 55 / 100);
}

TEST_CASE("same program and seed: same trace hash; the hash follows the configuration") {
    const std::string program = R"(
import threading, time
def work(i):
    for k in range(300):
        time.sleep(0.001 * (k % 3))
threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print("done")
)";
    const Outcome first = run_python(program, cpus(2));
    CHECK(run_python(program, cpus(2)).hash == first.hash);
    CHECK(run_python(program, cpus(3)).hash != first.hash);
}
