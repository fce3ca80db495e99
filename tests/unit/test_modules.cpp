// The modules logging, random, queue and concurrent.futures on the simulated machine: what
// CPython cannot show us (times on the simulated clock, determinism per seed, what a blocked
// thread is shown waiting on). Their outputs next to CPython's are conformance cases.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "python/python_machine.h"
#include "printed.h"

using namespace machine;
using python::PythonRun;
using namespace printed_output;

namespace {

MachineConfig seeded(uint64_t seed) {
    MachineConfig c;
    c.seed = seed;
    return c;
}

} // namespace

TEST_CASE("logging: asctime, msecs and relativeCreated read the simulated clock") {
    const Printed p = run_to_end(R"(
import logging, os, time
logging.basicConfig(format="%(asctime)s %(msecs)03d %(relativeCreated)d %(levelname)s %(message)s")
logging.warning("start")
time.sleep(1.25)
logging.error("later")
h = logging.getLogger().handlers[0]
h.setFormatter(logging.Formatter("%(asctime)s|%(thread)d|%(process)d|%(processName)s|%(message)s", datefmt="%H:%M:%S"))
logging.warning("os.getpid() is %d", os.getpid())
)");
    CHECK(p.err ==
          "2024-01-01 12:00:00,000 000 0 WARNING start\n"
          "2024-01-01 12:00:01,250 250 1250 ERROR later\n"
          "12:00:01|0|1000|MainProcess|os.getpid() is 1000\n");
}

TEST_CASE("logging: without basicConfig, WARNING and up go to stderr as LEVEL:root:message") {
    const Printed p = run_to_end("import logging\nlogging.info('no')\nlogging.warning('careful %s', 'now')\n");
    CHECK(p.out.empty());
    CHECK(p.err == "WARNING:root:careful now\n");
}

TEST_CASE("logging: eight free-threaded threads on eight CPUs never mix their lines") {
    MachineConfig config;
    config.cpus = 8;
    config.gil = false;
    const Printed p = run_to_end(R"(
import logging, threading
logging.basicConfig(format="%(threadName)s says %(message)s", level=logging.INFO)
def worker(n):
    for i in range(20):
        logging.info("line %d of worker %d, which is long enough to be split if writes mixed", i, n)
threads = [threading.Thread(target=worker, args=(n,), name="W%d" % n) for n in range(8)]
for t in threads: t.start()
for t in threads: t.join()
)",
                                 config);
    std::set<std::string> lines;
    size_t start = 0;
    for (size_t end = p.err.find('\n'); end != std::string::npos; start = end + 1, end = p.err.find('\n', start))
        lines.insert(p.err.substr(start, end - start));
    REQUIRE(lines.size() == 160);
    for (int n = 0; n < 8; ++n)
        for (int i = 0; i < 20; ++i)
            CHECK(lines.count("W" + std::to_string(n) + " says line " + std::to_string(i) + " of worker " + std::to_string(n) +
                              ", which is long enough to be split if writes mixed"));
}

TEST_CASE("random: the run's seed decides the numbers; random.seed(x) repeats them within the run") {
    const std::string program = R"(
import random
print([random.randint(1, 1000) for _ in range(5)], random.random())
random.seed("lesson")
a = [random.gauss(0, 1) for _ in range(3)] + [random.expovariate(1.0)]
random.seed("lesson")
print(a == [random.gauss(0, 1) for _ in range(3)] + [random.expovariate(1.0)])
)";
    const Printed first = run_to_end(program, seeded(1));
    CHECK(first.out == run_to_end(program, seeded(1)).out);
    CHECK(first.out != run_to_end(program, seeded(2)).out);
    CHECK(first.out.substr(first.out.size() - 5) == "True\n");
}

TEST_CASE("queue: a consumer blocked in get() shows as waiting on a Queue, and a put wakes it") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(R"(
import queue, threading, time
q = queue.Queue()
def consumer():
    print("got", q.get())
t = threading.Thread(target=consumer, name="consumer")
t.start()
time.sleep(1)
q.put("work")
t.join()
)",
                            "test.py"));
    REQUIRE(run.run(500 * kMillisecond) == RunStatus::Paused);
    const Machine& machine = run.machine();
    ThreadId consumer = kNoThread;
    for (size_t i = 0; i < machine.thread_count(); ++i)
        if (machine.thread(static_cast<ThreadId>(i)).name == "consumer")
            consumer = static_cast<ThreadId>(i);
    REQUIRE(consumer != kNoThread);
    const Thread& tcb = machine.thread(consumer);
    CHECK(tcb.state == ThreadState::Blocked);
    CHECK(tcb.wait == WaitKind::Queue);
    CHECK(std::string(sync_kind_name(machine.sync().object(tcb.wait_object).kind)) == "Queue");
    REQUIRE(run.run() == RunStatus::Finished);
    CHECK(printed(run).out == "got work\n");
}

TEST_CASE("concurrent.futures: workers are named as CPython names them, and results come back in order") {
    const Printed p = run_to_end(R"(
import threading, time
from concurrent.futures import ThreadPoolExecutor
def job(n):
    time.sleep(0.1 * (3 - n))
    return n, threading.current_thread().name
with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(job, range(3))))
with ThreadPoolExecutor(2, thread_name_prefix="io") as pool:
    print(pool.submit(job, 2).result())
)");
    CHECK(p.out ==
          "[(0, 'ThreadPoolExecutor-0_0'), (1, 'ThreadPoolExecutor-0_1'), (2, 'ThreadPoolExecutor-0_2')]\n"
          "(2, 'io_0')\n");
}
