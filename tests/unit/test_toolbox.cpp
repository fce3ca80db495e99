// The concurrency toolbox (issue 15) on the simulated machine: what CPython cannot check for us.
// CPython's figures pasted here were computed with CPython 3.11.7; whole programs next to
// CPython's output are the conformance cases named conc_*.
//
// Sections: helpers | random | threading | sys and time | futures | asyncio | multiprocessing |
// the Address space window
#include <doctest/doctest.h>

#include <string>

#include "lab/capture.h"
#include "python/python_machine.h"
#include "printed.h"
#include "ui/address_space_model.h"

using namespace machine;
using python::PythonRun;
using namespace printed_output;

// ---- Helpers -----------------------------------------------------------------------------------

namespace {

// The machine thread called `name`, or kNoThread.
ThreadId thread_named(const Machine& machine, const std::string& name) {
    for (size_t i = 0; i < machine.thread_count(); ++i)
        if (machine.thread(static_cast<ThreadId>(i)).name == name)
            return static_cast<ThreadId>(i);
    return kNoThread;
}

// The main thread of the machine process called `name`, or kNoThread.
ThreadId main_thread_of(const Machine& machine, const std::string& name) {
    for (size_t p = 0; p < machine.process_count(); ++p)
        if (machine.process(static_cast<ProcessId>(p)).name == name)
            return machine.process(static_cast<ProcessId>(p)).main_thread;
    return kNoThread;
}

// Starts `program`, runs it to `pause`, and checks that the main thread of process `process`
// is blocked there with wait reason `wait`; then runs it to its end and returns its output.
std::string wait_reason_then_output(const std::string& program, SimTime pause, const std::string& process, WaitKind wait) {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(program, "test.py"));
    REQUIRE(run.run(pause) == RunStatus::Paused);
    const ThreadId waiter = main_thread_of(run.machine(), process);
    REQUIRE(waiter != kNoThread);
    CHECK(run.machine().thread(waiter).state == ThreadState::Blocked);
    CHECK(run.machine().thread(waiter).wait == wait);
    REQUIRE(run.run() == RunStatus::Finished);
    return printed(run).out;
}

} // namespace

// ---- random ------------------------------------------------------------------------------------

TEST_CASE("random: a seeded generator gives CPython 3.11's first numbers, for int, str and float seeds") {
    const Printed p = run_to_end(R"(
import random
for s in (0, 7, 42, 2**40 + 5, -12345, 'hello', 'lesson', 3.5):
    random.seed(s)
    print(repr(s), [random.random() for i in range(2)], [random.randint(1, 100) for i in range(3)], random.gauss(0,1))
random.seed(7); x=list(range(10)); random.shuffle(x); print(x, random.sample(range(50), 5), random.choices('abc', [1,5,2], k=5), random.choice('xyz'))
)");
    CHECK(p.out ==
          "0 [0.8444218515250481, 0.7579544029403025] [54, 6, 34] 1.1265434960496987\n"
          "7 [0.32383276483316237, 0.15084917392450192] [84, 7, 10] 0.19254060583859198\n"
          "42 [0.6394267984578837, 0.025010755222666936] [36, 32, 29] 0.2974745204017183\n"
          "1099511627781 [0.5043802970418443, 0.2686044399723282] [4, 68, 98] 0.7279857608918674\n"
          "-12345 [0.41661987254534116, 0.010169169457068361] [39, 48, 25] -0.13581725325272012\n"
          "'hello' [0.3537754404730722, 0.6631985810268619] [71, 15, 17] -0.9846902356383676\n"
          "'lesson' [0.7547053533087401, 0.5347179927686787] [58, 100, 2] 0.53564168536066\n"
          "3.5 [0.3039190124834461, 0.23014450764056538] [2, 74, 11] 0.39077587085707643\n"
          "[8, 3, 1, 4, 7, 0, 9, 6, 2, 5] [32, 13, 2, 5, 27] ['b', 'b', 'b', 'a', 'b'] x\n");
}

TEST_CASE("random: an unseeded generator follows the run's seed, so a run stays reproducible") {
    const std::string program = "import random\nprint(random.random(), random.Random().randint(1, 10**9))\n";
    MachineConfig a, b;
    a.seed = 3;
    b.seed = 4;
    CHECK(run_to_end(program, a).out == run_to_end(program, a).out);
    CHECK(run_to_end(program, a).out != run_to_end(program, b).out);
}

// ---- threading ---------------------------------------------------------------------------------

TEST_CASE("threading.Barrier: a thread in wait() shows as waiting on the Barrier, and n_waiting counts it") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
import threading, time
b = threading.Barrier(2)
t = threading.Thread(target=b.wait, name="early")
t.start()
time.sleep(1)
print(b.n_waiting, b.broken)
b.wait()
t.join()
print(b.n_waiting)
)",
                            "test.py"));
    REQUIRE(run.run(500 * kMillisecond) == RunStatus::Paused);
    const Machine& machine = run.machine();
    const ThreadId early = thread_named(machine, "early");
    REQUIRE(early != kNoThread);
    CHECK(machine.thread(early).state == ThreadState::Blocked);
    CHECK(machine.thread(early).wait == WaitKind::Barrier);
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(printed(run).out == "1 False\n0\n");
}

TEST_CASE("threading.local: each thread has its own attributes, and an ended thread's are dropped") {
    const Printed p = run_to_end(R"(
import threading
data = threading.local()
data.x = "main"
def work(n):
    data.x = n
    threading.Event().wait(0.01 * n)
    assert data.x == n
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(data.x, len(data._local__dicts))
)");
    CHECK(p.err == "");
    CHECK(p.out == "main 0\n");
}

TEST_CASE("threading.settrace is refused with an error that says why") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start("import threading\nthreading.settrace(print)\n", "test.py"));
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(run.exit_status() == 1);
    CHECK(printed(run).err.find("NotImplementedError: threading.settrace() is not available in Threadlab") != std::string::npos);
}

TEST_CASE("threading.local: a subclass's __init__ runs again in each new thread, with the same arguments") {
    const Printed p = run_to_end(R"(
import threading
class Counter(threading.local):
    def __init__(self, start):
        self.n = start
        self.inits = getattr(self, "inits", 0) + 1
c = Counter(10)
def work():
    c.n += 1
    print(threading.current_thread().name, c.n, c.inits)
for name in ("A", "B"):
    t = threading.Thread(target=work, name=name)
    t.start()
    t.join()
print("main", c.n, c.inits)
try:
    threading.local(1)
except TypeError as e:
    print(e)
)");
    CHECK(p.err == "");
    CHECK(p.out == "A 11 1\nB 11 1\nmain 10 1\nInitialization arguments are not supported\n");
}

// ---- sys and time ------------------------------------------------------------------------------

namespace {

// The GIL drop requests (a waiter's switch interval ran out) of two CPU-bound threads on two
// CPUs, about 110 ms of work; `prelude` runs first in the main thread.
int64_t gil_drop_requests_with(const std::string& prelude) {
    MachineConfig config;
    config.cpus = 2;
    PythonRun run(config);
    REQUIRE_FALSE(run.start(prelude + R"(
import threading
def spin():
    n = 0
    for i in range(400000):
        n += i
ts = [threading.Thread(target=spin) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
)",
                            "test.py"));
    REQUIRE(run.run() == RunStatus::Finished);
    return run.machine().trace().stats().gil_drop_requests;
}

} // namespace

TEST_CASE("sys.setswitchinterval changes how often the GIL changes hands, from the running program") {
    const int64_t by_default = gil_drop_requests_with("");
    const int64_t tenth = gil_drop_requests_with("import sys\nsys.setswitchinterval(0.0005)\n");
    const int64_t longer = gil_drop_requests_with("import sys\nsys.setswitchinterval(0.05)\n");
    CHECK(by_default >= 15);
    CHECK(tenth >= 8 * by_default);
    CHECK(longer * 5 <= by_default);
}

TEST_CASE("time.thread_time and process_time count the CPU time the machine charged, not waits") {
    const Printed p = run_to_end(R"(
import threading, time
def spin():
    for i in range(10000):
        pass
    print("thread", time.thread_time_ns() > 0)
time.sleep(2)
print("main after sleep", time.thread_time() < 0.001, time.perf_counter() >= 2)
t = threading.Thread(target=spin)
t.start()
t.join()
print(time.process_time_ns() > time.thread_time_ns())
)");
    CHECK(p.out == "main after sleep True True\nthread True\nTrue\n");
}

// ---- concurrent.futures ------------------------------------------------------------------------

TEST_CASE("concurrent.futures: a pool's workers are not daemonic, and the main thread joins them at exit") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
import time
from concurrent import futures
pool = futures.ThreadPoolExecutor(max_workers=2)
for n in range(3):
    pool.submit(lambda n=n: (time.sleep(1), print("work", n)))
print("main code done")
)",
                            "test.py"));
    REQUIRE(run.run(500 * kMillisecond) == RunStatus::Paused);
    const Machine& machine = run.machine();
    const ThreadId worker = thread_named(machine, "ThreadPoolExecutor-0_0");
    REQUIRE(worker != kNoThread);
    CHECK_FALSE(machine.thread(worker).daemon);
    // The main thread's code is done, but it is still alive: the pool's exit hook joins a worker.
    CHECK(machine.thread(0).state == ThreadState::Blocked);
    CHECK(machine.thread(0).wait == WaitKind::Join);
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(printed(run).out == "main code done\nwork 0\nwork 1\nwork 2\n");
    CHECK(machine.now() >= 2 * kSecond);
}

TEST_CASE("ProcessPoolExecutor: its workers are SpawnProcess-N, not daemonic, and the exit joins them after their work") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
from concurrent.futures import ProcessPoolExecutor
import time
def slow(n):
    time.sleep(1)
    return n
if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=2)
    future = pool.submit(slow, 5)
    future.add_done_callback(lambda f: print("result", f.result()))
    print("main code done")
)",
                            "test.py"));
    REQUIRE(run.run(500 * kMillisecond) == RunStatus::Paused);
    const Machine& machine = run.machine();
    const ThreadId worker = main_thread_of(machine, "SpawnProcess-1");
    REQUIRE(worker != kNoThread);
    CHECK(main_thread_of(machine, "SpawnProcess-2") != kNoThread);
    for (const python::PythonProcess& process : run.processes())
        CHECK_FALSE(process.daemon);
    CHECK(machine.thread(0).state == ThreadState::Blocked);
    CHECK(machine.thread(0).wait == WaitKind::Join);
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(printed(run).out == "main code done\nresult 5\n");
    CHECK(run.exit_status() == 0);
}

// ---- asyncio -----------------------------------------------------------------------------------

TEST_CASE("asyncio: an idle event loop sleeps its thread until the next timer, as a Sleep wait") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
import asyncio
loop = asyncio.get_event_loop()
loop.call_later(2, loop.stop)
loop.run_forever()
print("stopped at", round(loop.time(), 3))
)",
                            "test.py"));
    REQUIRE(run.run(1 * kSecond) == RunStatus::Paused);
    const Thread& main = run.machine().thread(0);
    CHECK(main.state == ThreadState::Blocked);
    CHECK(main.wait == WaitKind::Sleep);
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(printed(run).out == "stopped at 2.0\n");
}

TEST_CASE("asyncio: run_forever with nothing scheduled blocks for good, and the machine reports it") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start("import asyncio\nasyncio.new_event_loop().run_forever()\n", "test.py"));
    CHECK(run.run() == RunStatus::Deadlock);
    CHECK(run.machine().thread(0).wait == WaitKind::Event);
}

// ---- multiprocessing ---------------------------------------------------------------------------

TEST_CASE("multiprocessing: a process waiting in Queue.get shows as waiting on a Queue; a Value is shared") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
import multiprocessing, time
def child(q, v):
    item = q.get()
    with v.get_lock():
        v.value += item
if __name__ == "__main__":
    q = multiprocessing.Queue()
    v = multiprocessing.Value("i", 10)
    p = multiprocessing.Process(target=child, args=(q, v), name="getter")
    p.start()
    time.sleep(1)
    q.put(5)
    p.join()
    print(v.value, p.exitcode)
)",
                            "test.py"));
    REQUIRE(run.run(500 * kMillisecond) == RunStatus::Paused);
    const Machine& machine = run.machine();
    ThreadId getter = kNoThread;
    for (size_t i = 0; i < machine.thread_count(); ++i)
        if (machine.process(machine.thread(static_cast<ThreadId>(i)).process).name == "getter")
            getter = static_cast<ThreadId>(i);
    REQUIRE(getter != kNoThread);
    CHECK(machine.thread(getter).state == ThreadState::Blocked);
    CHECK(machine.thread(getter).wait == WaitKind::Queue);
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(printed(run).out == "15 0\n");
}

TEST_CASE("concurrent.futures.ProcessPoolExecutor: each worker is a process of the machine, with its own GIL") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
from concurrent.futures import ProcessPoolExecutor
import os
def where(n):
    return n * n, os.getpid()
if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(where, range(6)))
    print([r[0] for r in results], all(r[1] != os.getpid() for r in results))
)",
                            "test.py"));
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(printed(run).out == "[0, 1, 4, 9, 16, 25] True\n");
    CHECK(run.machine().process_count() == 3);
}

TEST_CASE("multiprocessing: a Lock, an Event and a Semaphore shared with a child show as what the child waits on") {
    const std::string program = R"(
import multiprocessing, time
def child(primitive, kind):
    if kind == "Event":
        primitive.wait()
    else:
        primitive.acquire()
    print("child through the", kind)
if __name__ == "__main__":
    primitive = multiprocessing.KIND()
    if "KIND" != "Event":
        primitive.acquire()
    p = multiprocessing.Process(target=child, args=(primitive, "KIND"), name="waiter")
    p.start()
    time.sleep(1)
    primitive.set() if "KIND" == "Event" else primitive.release()
    p.join()
)";
    const std::pair<const char*, WaitKind> kinds[] = {
        {"Lock", WaitKind::Lock}, {"RLock", WaitKind::Lock}, {"Semaphore", WaitKind::Semaphore}, {"Event", WaitKind::Event}};
    for (const std::pair<const char*, WaitKind>& primitive : kinds) {
        const char* kind = primitive.first;
        const WaitKind wait = primitive.second;
        CAPTURE(kind);
        std::string source = program;
        for (size_t at = source.find("KIND"); at != std::string::npos; at = source.find("KIND", at))
            source.replace(at, 4, kind);
        CHECK(wait_reason_then_output(source, 500 * kMillisecond, "waiter", wait) == std::string("child through the ") + kind + "\n");
    }
}

TEST_CASE("multiprocessing.JoinableQueue: join() waits on the Queue until a child's task_done()") {
    CHECK(wait_reason_then_output(R"(
import multiprocessing, time
def worker(q):
    item = q.get()
    time.sleep(1)
    print("done with", item)
    q.task_done()
if __name__ == "__main__":
    q = multiprocessing.JoinableQueue()
    p = multiprocessing.Process(target=worker, args=(q,))
    p.start()
    q.put("job")
    q.join()
    print("joined")
    p.join()
)",
                                  500 * kMillisecond, "MainProcess", WaitKind::Queue) == "done with job\njoined\n");
}

TEST_CASE("multiprocessing.Manager: a server process holds the dict; idle, it waits on its request Queue") {
    CHECK(wait_reason_then_output(R"(
import multiprocessing, time
def add(d, key):
    d[key] = len(key)
if __name__ == "__main__":
    with multiprocessing.Manager() as manager:
        d = manager.dict()
        ps = [multiprocessing.Process(target=add, args=(d, k)) for k in ("a", "bb")]
        for p in ps: p.start()
        for p in ps: p.join()
        time.sleep(1)
        print(sorted(d.items()))
)",
                                  500 * kMillisecond, "SyncManager-1", WaitKind::Queue) == "[('a', 1), ('bb', 2)]\n");
}

TEST_CASE("multiprocessing.Pool: chunksize decides how many calls one worker takes at a time") {
    const Printed p = run_to_end(R"(
import multiprocessing, os, time
def pid_of(x):
    time.sleep(0.01)
    return os.getpid()
if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(len(set(pool.map(pid_of, range(8), chunksize=8))), len(set(pool.map(pid_of, range(8), chunksize=1))))
        print(len(set(pool.imap(pid_of, range(6), chunksize=6))), pool.map(abs, [-1, -2, -3], chunksize=2))
        try:
            pool.map(abs, [1], chunksize=0)
        except ValueError as e:
            print(e)
)");
    CHECK(p.err == "");
    CHECK(p.out == "1 2\n1 [1, 2, 3]\nChunksize must be 1+, not 0\n");
}

// ---- the Address space window's view of shared and thread-local memory -------------------------

TEST_CASE("Address space: a Value and an Array are shown as shared memory, seen by the child that holds them too") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
import multiprocessing, time
def child(v, a):
    v.value = 7
    a[1] = 2.5
    time.sleep(2)
if __name__ == "__main__":
    counter = multiprocessing.Value("i", 1)
    numbers = multiprocessing.Array("d", 3)
    p = multiprocessing.Process(target=child, args=(counter, numbers), name="child")
    p.start()
    time.sleep(1)
    p.join()
)",
                            "test.py"));
    REQUIRE(run.run(1500 * kMillisecond) == RunStatus::Paused);
    const std::shared_ptr<lab::LabSnapshot> snap = lab::capture(run, nullptr);
    REQUIRE(snap->processes.size() == 2);
    const lab::ProcessView& parent = snap->processes[0];
    const lab::HeapObjectView* value = nullptr;
    const lab::HeapObjectView* array = nullptr;
    for (const lab::HeapObjectView& object : parent.heap) {
        if (object.type == "Value('i')")
            value = &object;
        if (object.type == "Array('d', 3)")
            array = &object;
    }
    REQUIRE(value);
    REQUIRE(array);
    CHECK(value->repr == "7");
    CHECK(array->repr == "[0.0, 2.5, 0.0]");
    CHECK(value->shared_count == 1);
    CHECK(array->shared_count == 3);
    const std::vector<const lab::ProcessView*> sharing = ui::ProcessesSharing(*snap, parent, *value);
    REQUIRE(sharing.size() == 1);
    CHECK(sharing[0]->name == "child");
    std::vector<ui::MemoryRegion> regions;
    ui::CollectMemoryRegions(*snap, parent, regions);
    REQUIRE(regions.size() >= 4);
    CHECK(regions[3].kind == ui::RegionKind::Shared);
    CHECK(regions[3].weight == 4);
}

TEST_CASE("Address space: a threading.local shows each live thread's own attributes") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
import threading, time
data = threading.local()
data.who = "main"
def work(n):
    data.who = "worker %d" % n
    time.sleep(2)
ts = [threading.Thread(target=work, args=(n,), name="W%d" % n) for n in range(2)]
for t in ts: t.start()
time.sleep(1)
for t in ts: t.join()
)",
                            "test.py"));
    REQUIRE(run.run(1 * kSecond + 500 * kMillisecond) == RunStatus::Paused);
    const std::shared_ptr<lab::LabSnapshot> snap = lab::capture(run, nullptr);
    const lab::ProcessView& process = snap->processes[0];
    const ThreadId w1 = thread_named(run.machine(), "W1");
    const std::vector<ui::ThreadLocalEntry> main_sees = ui::ThreadLocalsOf(process, 0);
    const std::vector<ui::ThreadLocalEntry> w1_sees = ui::ThreadLocalsOf(process, w1);
    REQUIRE(main_sees.size() == 1);
    REQUIRE(w1_sees.size() == 1);
    CHECK(main_sees[0].local == w1_sees[0].local);
    CHECK(main_sees[0].local->per_thread.size() == 3);
    REQUIRE(w1_sees[0].attributes->attributes.size() == 1);
    CHECK(w1_sees[0].attributes->attributes[0].name == "who");
    CHECK(w1_sees[0].attributes->attributes[0].value.repr == "'worker 1'");
    CHECK(main_sees[0].attributes->attributes[0].value.repr == "'main'");
}
