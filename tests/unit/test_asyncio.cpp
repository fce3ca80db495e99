// Coroutines on the simulated machine: asyncio's tasks are one event loop on the thread that
// calls asyncio.run; they switch only at an await that waits, and when none can run the thread
// sleeps on the machine until the earliest timer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "python/python_machine.h"

using namespace machine;
using python::PythonRun;

namespace {

struct AsyncRun {
    std::string out;
    SimTime end_time = 0;
    int64_t threads_created = 0;
    std::vector<SimTime> sleeps;  // how long each block on sleep lasted, in order
};

AsyncRun run_async(const char* source) {
    PythonRun run(MachineConfig{});
    AsyncRun r;
    REQUIRE(!run.start(source, "test.py"));
    CHECK(run.run() == RunStatus::Finished);
    const Trace& trace = run.machine().trace();
    for (uint64_t i = trace.output_first(); i < trace.output_count(); ++i)
        r.out += trace.output(i).text + "\n";
    r.end_time = trace.stats().end_time;
    r.threads_created = trace.stats().threads_created;
    for (size_t i = 0; i < trace.size(); ++i) {
        const TraceEvent& e = trace.at(i);
        if (e.kind == TraceKind::ThreadBlock && e.reason == static_cast<uint8_t>(WaitKind::Sleep))
            r.sleeps.push_back(e.value - e.time);
    }
    return r;
}

} // namespace

TEST_CASE("asyncio: three tasks sleeping one second finish after one second on one thread, which sleeps once") {
    const AsyncRun o = run_async(R"(
import asyncio, time

async def fetch(i):
    print("start", i)
    await asyncio.sleep(1.0)
    print("done", i)
    return i * 10

async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(fetch(i) for i in range(3)))
    print(results, f"{time.perf_counter() - start:.2f} s")

asyncio.run(main())
)");
    CHECK(o.out == "start 0\nstart 1\nstart 2\ndone 0\ndone 1\ndone 2\n[0, 10, 20] 1.00 s\n");
    CHECK(o.threads_created == 1);
    // The loop has nothing to run while the tasks wait, so the thread sleeps until the timers.
    REQUIRE(o.sleeps.size() == 1);
    CHECK(o.sleeps[0] > 990 * kMillisecond);
    CHECK(o.sleeps[0] <= kSecond);
    CHECK(o.end_time < kSecond + 10 * kMillisecond);
}

TEST_CASE("asyncio: a switch happens only at an await that waits; tasks run in the order they were made") {
    const AsyncRun o = run_async(R"(
import asyncio

async def busy(name, steps):
    for i in range(steps):
        print(name, i)
    await asyncio.sleep(0)
    print(name, "after yielding")

async def main():
    a = asyncio.create_task(busy("a", 2))
    b = asyncio.create_task(busy("b", 2))
    print("created")
    await a
    await b

asyncio.run(main())
)");
    CHECK(o.out == "created\na 0\na 1\nb 0\nb 1\na after yielding\nb after yielding\n");
    CHECK(o.sleeps.empty());
}

TEST_CASE("asyncio.to_thread: the blocking call runs in a worker thread while the loop's tasks tick") {
    const AsyncRun o = run_async(R"(
import asyncio, time

def blocking():
    time.sleep(0.35)
    return "slept"

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        print("tick", i)

async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking), ticker())
    print(result)

asyncio.run(main())
)");
    CHECK(o.out == "tick 0\ntick 1\ntick 2\nslept\n");
    CHECK(o.threads_created == 2);
    CHECK(o.end_time >= 350 * kMillisecond);
    CHECK(o.end_time < 360 * kMillisecond);
}
