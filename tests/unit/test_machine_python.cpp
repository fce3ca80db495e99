// Python programs on the simulated machine: the threading, time, os and multiprocessing modules
// as a Python user sees them (output, timings on the simulated clock, CPython's errors), and the
// GIL's effects on real bytecode.
#include <doctest/doctest.h>

#include <string>

#include "lab/capture.h"
#include "python/python_machine.h"
#include "config/config.h"
#include "ui/timeline_model.h"

using namespace ui;

using namespace machine;
using python::PythonRun;

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

// ---- Processes and the GIL (issue 4) -----------------------------------------------------------

namespace {

// CPU-bound work (WORK loop iterations in total) split over `workers` threads or processes.
std::string split_work(int workers, const char* kind) {
    return std::string("import threading, multiprocessing\n"
                       "def count(n):\n"
                       "    while n > 0:\n"
                       "        n -= 1\n"
                       "if __name__ == '__main__':\n"
                       "    workers = [") +
           kind + "(target=count, args=(40000 // " + std::to_string(workers) + ",)) for _ in range(" +
           std::to_string(workers) +
           ")]\n"
           "    for w in workers: w.start()\n"
           "    for w in workers: w.join()\n";
}

} // namespace

TEST_CASE("on 4 CPUs CPU-bound threads gain nothing under the GIL; free-threaded or in processes, 4 take a quarter") {
    const SimTime one = run_python(split_work(1, "threading.Thread"), cpus(4)).end_time;
    for (int threads : {2, 4}) {
        CAPTURE(threads);
        const Outcome o = run_python(split_work(threads, "threading.Thread"), cpus(4));
        CHECK(o.end_time >= one);
        CHECK(o.end_time < one * 11 / 10);  // only hand-off and creation costs on top
        CHECK(o.gil_handoffs > 0);
    }
    const SimTime free = run_python(split_work(4, "threading.Thread"), cpus(4, false)).end_time;
    CHECK(free > one / 4);
    CHECK(free < one * 30 / 100);
    const SimTime one_process = run_python(split_work(1, "multiprocessing.Process"), cpus(4)).end_time;
    const Outcome processes = run_python(split_work(4, "multiprocessing.Process"), cpus(4));
    CHECK(processes.exit_status == 0);
    CHECK(processes.gil_handoffs == 0);  // each process has its own GIL: nobody waits for one
    CHECK(processes.end_time > one_process / 4);
    // Less the processes' creation, which the parent does one after another.
    const SimTime create = MachineConfig{}.process_create_cost;
    CHECK(processes.end_time - 4 * create < (one_process - create) * 30 / 100);
    // On one CPU the same four processes take turns: no faster than one.
    CHECK(run_python(split_work(4, "multiprocessing.Process"), cpus(1)).end_time >= one_process);
}

TEST_CASE("I/O-bound threads overlap their waits under the GIL") {
    const std::string program = R"(
import threading, time
def fetch():
    for _ in range(4):
        time.sleep(0.05)
        sum(range(100))
threads = [threading.Thread(target=fetch) for _ in range(THREADS)]
for t in threads: t.start()
for t in threads: t.join()
)";
    auto with_threads = [&](int n) {
        return run_python("THREADS = " + std::to_string(n) + "\n" + program, cpus(4)).end_time;
    };
    const SimTime one = with_threads(1);
    CHECK(one >= 200 * kMillisecond);
    CHECK(with_threads(4) < one * 105 / 100);
    CHECK(with_threads(8) < one * 105 / 100);
}

TEST_CASE("processes_cpu_bound.py prints what python3 prints, apart from its timing") {
    const Outcome o = run_python(config::find_lesson("processes_cpu_bound")->text, cpus(4));
    CHECK(o.status == RunStatus::Finished);
    CHECK(o.err == "");
    const std::string first = "4 processes counted down 200000 in total\n";
    REQUIRE(o.out.size() > first.size());
    CHECK(o.out.substr(0, first.size()) == first);
    CHECK(o.out.substr(first.size(), 5) == "took ");
}

TEST_CASE("multiprocessing.Process: target, args, kwargs, exitcode, names and pids as in CPython") {
    const Outcome o = run_python(R"(
import multiprocessing, os

def greet(who, punct="!"):
    me = multiprocessing.current_process()
    print("hello", who + punct, "from", me.name, me.pid == os.getpid(), os.getppid())

def fail(n):
    raise ValueError("bad %d" % n)

def leave():
    raise SystemExit(3)

class Worker(multiprocessing.Process):
    def __init__(self, count):
        super().__init__()
        self.count = count

    def run(self):
        print(self.name, "counts", sum(range(self.count)))

if __name__ == "__main__":
    print(multiprocessing.current_process(), os.getpid(), os.cpu_count() == multiprocessing.cpu_count())
    p = multiprocessing.Process(target=greet, args=("world",), kwargs={"punct": "?"})
    print(p)
    p.start()
    p.join()
    print(p.exitcode, p.is_alive(), p.pid)
    for target, args in ((fail, (7,)), (leave, ())):
        q = multiprocessing.Process(target=target, args=args, name="Q")
        q.start()
        q.join()
        print(target.__name__, q.exitcode)
    w = Worker(10)
    w.start()
    w.join()
    print(w)
)", cpus(2));
    CHECK(o.status == RunStatus::Finished);
    CHECK(o.exit_status == 0);
    CHECK(o.out == "<_MainProcess name='MainProcess' parent=None started> 1000 True\n"
                   "<Process name='Process-1' parent=1000 initial>\n"
                   "hello world? from Process-1 True 1000\n"
                   "0 False 1001\n"
                   "fail 1\n"
                   "leave 3\n"
                   "Worker-4 counts 45\n"
                   "<Worker name='Worker-4' pid=1004 parent=1000 stopped exitcode=0>\n");
    CHECK(o.err == "Process Q:\nTraceback (most recent call last):\n  File \"test.py\", line 9, in fail\n"
                   "    raise ValueError(\"bad %d\" % n)\nValueError: bad 7\n");
}

TEST_CASE("os: pids from 1000, the machine's CPUs, an empty environment") {
    const Outcome o = run_python(R"(
import os
os.environ["HOME"] = "/root"
print(os.getpid(), os.getppid(), os.cpu_count(), os.sep, os.getenv("HOME"), os.getenv("USER", "nobody"))
)", cpus(3));
    CHECK(o.out == "1000 999 3 / /root nobody\n");
}

TEST_CASE("a child runs the program again as __mp_main__: starting a process there is refused") {
    const Outcome o = run_python(R"(
import multiprocessing
def f():
    pass
print(__name__)
p = multiprocessing.Process(target=f)
p.start()
p.join()
print(p.exitcode)
)");
    CHECK(o.out == "__main__\n__mp_main__\n1\n");
    CHECK(o.err.find("Process Process-1:\n") == 0);
    CHECK(o.err.find("RuntimeError: An attempt has been made to start a new process before") != std::string::npos);
}

TEST_CASE("a child gets its own copy of the arguments, shared references and cycles kept") {
    const Outcome o = run_python(R"(
import multiprocessing
class Node:
    def __init__(self, name):
        self.name = name
        self.next = self
def show(a, b, node, pair):
    a.append(1)
    print(b, a is b, node.next is node, node.name, pair[0] is pair[1], sorted(pair[0]))
if __name__ == "__main__":
    shared = []
    key = frozenset({"x", "y"})
    p = multiprocessing.Process(target=show, args=(shared, shared, Node("n"), (key, key)))
    p.start()
    p.join()
    print(shared)
)");
    CHECK(o.err == "");
    CHECK(o.out == "[1] True True n True ['x', 'y']\n[]\n");
}

TEST_CASE("what cannot be sent to a process is refused at start(), as pickle refuses it") {
    const Outcome o = run_python(R"(
import multiprocessing, threading
def f(x):
    pass
if __name__ == "__main__":
    deep = []
    for _ in range(5000):
        deep = [deep]
    for target, args in ((lambda: 1, ()), (f, (threading.Lock(),)), (f, (deep,))):
        try:
            multiprocessing.Process(target=target, args=args).start()
        except Exception as e:
            print(type(e).__name__, e)
)");
    CHECK(o.out == "TypeError Can't pickle <function <lambda>>: attribute lookup <lambda> on __main__ failed\n"
                   "TypeError cannot pickle 'Lock' object\n"
                   "RecursionError maximum recursion depth exceeded while pickling an object\n");
}

TEST_CASE("at exit the main process joins its children and terminates its daemonic ones") {
    const Outcome o = run_python(R"(
import multiprocessing, time
def slow():
    time.sleep(1)
    print("slow done")
def forever():
    while True:
        time.sleep(0.1)
if __name__ == "__main__":
    multiprocessing.Process(target=slow).start()
    multiprocessing.Process(target=forever, daemon=True).start()
    p = multiprocessing.Process(target=forever)
    p.start()
    p.terminate()
    p.join()
    print(len(multiprocessing.active_children()), p.exitcode)
)", cpus(2));
    CHECK(o.status == RunStatus::Finished);
    CHECK(o.out == "2 -15\nslow done\n");
    CHECK(o.end_time >= kSecond);
    CHECK(o.end_time < kSecond + 10 * kMillisecond);
}

TEST_CASE("a parent joining a child that waits forever is a deadlock, reported with process names") {
    const Outcome o = run_python(R"(
import multiprocessing, threading
def stuck():
    threading.Event().wait()
if __name__ == "__main__":
    p = multiprocessing.Process(target=stuck)
    p.start()
    p.join()
)");
    CHECK(o.status == RunStatus::Deadlock);
    CHECK(o.deadlock.find("  MainThread (MainProcess) waits for MainThread (Process-1) to end\n"
                         "  MainThread (Process-1) waits for Event#") != std::string::npos);
}

TEST_CASE("a multiprocessing run is deterministic: same seed, same trace hash") {
    const Outcome first = run_python(config::find_lesson("processes_cpu_bound")->text, cpus(2));
    CHECK(run_python(config::find_lesson("processes_cpu_bound")->text, cpus(2)).hash == first.hash);
    CHECK(run_python(config::find_lesson("processes_cpu_bound")->text, cpus(4)).hash != first.hash);
}

TEST_CASE("the lab sees both processes of a multiprocessing run: their threads, globals and GIL lanes") {
    PythonRun run(cpus(2));
    REQUIRE_FALSE(run.start(R"(
import multiprocessing
TOTAL = 3000
def count(n):
    while n > 0:
        n -= 1
if __name__ == "__main__":
    p = multiprocessing.Process(target=count, args=(TOTAL,))
    p.start()
    count(TOTAL)
    p.join()
)", "test.py"));
    bool both_ran_at_once = false;
    std::shared_ptr<lab::LabSnapshot> snapshot;
    while (run.run(kNever, 200) == RunStatus::Paused) {
        snapshot = lab::capture(run, snapshot.get());
        both_ran_at_once |= snapshot->processes.size() == 2 && snapshot->processes[0].gil_holder >= 0 &&
                            snapshot->processes[1].gil_holder >= 0;
    }
    CHECK(both_ran_at_once);
    snapshot = lab::capture(run, snapshot.get());
    REQUIRE(snapshot->processes.size() == 2);
    for (const lab::ProcessView& process : snapshot->processes) {
        CAPTURE(process.id);
        CHECK(process.threads.size() == 1);
        CHECK_FALSE(process.codes.empty());
        CHECK(process.source.find("TOTAL = 3000") != std::string::npos);
        bool has_total = false;
        for (const lab::Variable& global : process.globals)
            has_total |= global.name == "TOTAL" && global.value.repr == "3000";
        CHECK(has_total);
    }
    CHECK(snapshot->processes[1].name == "Process-1");
    CHECK(snapshot->threads.size() == 2);
    CHECK(snapshot->threads[1].process == 1);
    // The timeline reads the trace as the lab session hands it over: in chunks.
    const Trace& trace = run.machine().trace();
    auto chunk = std::make_shared<lab::TraceChunk>();
    for (size_t n = 0; n < trace.size(); ++n)
        chunk->push_back(trace.at(n));
    snapshot->trace_chunks.push_back(chunk);
    TimelineData timeline;
    SyncTimelineWithLab(timeline, *snapshot);
    REQUIRE(timeline.gil_lanes.size() == 2);
    CHECK(timeline.gil_lanes[0] >= 0);
    CHECK(timeline.gil_lanes[1] >= 0);
}
