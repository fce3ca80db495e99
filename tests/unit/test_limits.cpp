// What a program cannot take from the lab: the machine's memory, shared by its processes
// (MemoryError, as CPython raises it), a process's live-thread limit and the run's thread table
// ("can't start new thread"), a run's process limit (BlockingIOError, as from fork()), and the
// settings that carry them (LabConfig, the permalink).
#include <doctest/doctest.h>

#include <string>

#include "config/permalink.h"
#include "lab/capture.h"
#include "python/python_machine.h"

using namespace machine;
using python::PythonRun;

namespace {

struct Outcome {
    RunStatus status = RunStatus::Paused;
    std::string out;
    std::string err;
    uint64_t hash = 0;
    size_t heap_bytes = 0;  // the first process's heap when the run ended
};

Outcome run_python(const std::string& source, const MachineConfig& config) {
    PythonRun run(config);
    Outcome o;
    REQUIRE_FALSE(run.start(source, "limits.py"));
    o.status = run.run();
    const Trace& trace = run.machine().trace();
    for (uint64_t i = trace.output_first(); i < trace.output_count(); ++i) {
        const OutputLine& line = trace.output(i);
        (line.stream == OutputStream::Stdout ? o.out : o.err) += line.text + "\n";
    }
    o.hash = trace.hash();
    o.heap_bytes = run.interpreter(0)->heap.bytes;
    return o;
}

MachineConfig with_memory(uint64_t bytes) {
    MachineConfig config;
    config.max_memory = bytes;
    return config;
}

const char* kGrowth = "a = []\n"
                      "while True:\n"
                      "    a.append([0] * 1000)\n";

} // namespace

TEST_CASE("a list that grows without end stops with MemoryError at the heap budget, in the line that allocates") {
    Outcome o = run_python(kGrowth, with_memory(uint64_t{8} << 20));
    CHECK(o.status == RunStatus::Finished);
    CHECK(o.err.find("line 3, in <module>\n    a.append([0] * 1000)\nMemoryError\n") != std::string::npos);
}

TEST_CASE("MemoryError is caught where it is raised, and the memory is the program's again once it lets go") {
    const char* source = "a = []\n"
                         "try:\n"
                         "    while True:\n"
                         "        a.append([0] * 1000)\n"
                         "except MemoryError as e:\n"
                         "    print('caught', type(e).__name__, isinstance(e, Exception), len(a) > 400)\n"
                         "a = None\n"
                         "b = [[1] * 1000 for _ in range(300)]\n"
                         "print('again', len(b))\n";
    Outcome o = run_python(source, with_memory(uint64_t{8} << 20));
    CHECK(o.out == "caught MemoryError True True\nagain 300\n");
    CHECK(o.err == "");
}

TEST_CASE("growth in place is counted too: appends, dict entries and one-instruction giants") {
    for (const char* source : {"a = []\nwhile True:\n    a.append(1)\n", "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1\n",
                               "x = list(range(10**10))\n", "s = 'x'\nwhile True:\n    s = s + s\n"}) {
        CAPTURE(source);
        Outcome o = run_python(source, with_memory(uint64_t{4} << 20));
        CHECK(o.err.ends_with("MemoryError\n"));
    }
}

TEST_CASE("bytes count in the heap budget: a giant at once, and a bytearray that grows in place") {
    for (const char* source : {"x = bytes(10**9)\n", "x = b'ab' * 10**9\n", "b = bytearray()\nwhile True:\n    b.extend(b'x' * 1000)\n",
                               "b = b'x'\nwhile True:\n    b = b + b\n"}) {
        CAPTURE(source);
        Outcome o = run_python(source, with_memory(uint64_t{4} << 20));
        CHECK(o.err.ends_with("MemoryError\n"));
    }
}

TEST_CASE("results built inside one instruction stop at the budget: join, replace, translate, list(enumerate(...))") {
    // Each of the first five would be 100 GB if it were made before the budget is looked at.
    for (const char* source : {"x = ','.join(['x' * 10**6] * 10**5)\n", "x = b''.join([b'x' * 10**6] * 10**5)\n",
                               "x = ('a' * 10**6).replace('', 'b' * 10**5)\n", "x = ('a' * 10**6).replace('a', 'b' * 10**5)\n",
                               "x = ('a' * 10**6).translate({97: 'b' * 10**5})\n", "x = list(enumerate(range(10**9)))\n",
                               "x = list(zip(range(10**9), range(10**9)))\n"}) {
        CAPTURE(source);
        const uint64_t budget = uint64_t{4} << 20;
        Outcome o = run_python(source, with_memory(budget));
        CHECK(o.err.ends_with("MemoryError\n"));
        // Stopped near the budget, not some multiple past it (the page's own memory is fixed).
        CHECK(o.heap_bytes < budget + budget / 4);
    }
}

TEST_CASE("padding past the budget is MemoryError before it is made: str methods, format widths, %-widths") {
    for (const char* source : {"x = 'a'.ljust(10**9)\n", "x = 'a'.center(10**9, '*')\n", "x = '1'.zfill(10**9)\n",
                               "x = ('\\t' * 1000).expandtabs(10**6)\n", "x = f'{1:{10**9}}'\n", "x = '%*d' % (10**9, 1)\n",
                               "x = '%.*d' % (10**9, 1)\n"}) {
        CAPTURE(source);
        Outcome o = run_python(source, with_memory(uint64_t{4} << 20));
        CHECK(o.err.ends_with("MemoryError\n"));
    }
}

TEST_CASE("values nested past the recursion limit raise RecursionError in ==, < and repr, and hash without end") {
    const std::string nest = "a = []\nb = []\nt = ()\nfor i in range(100000):\n    a = [a]\n    b = [b]\n    t = (t,)\n";
    for (const char* use : {"a == b", "a < b", "repr(a)", "str({1: a})"}) {
        CAPTURE(use);
        Outcome o = run_python(nest + "try:\n    " + use + "\nexcept RecursionError as e:\n    print(e)\n", MachineConfig{});
        CHECK(o.out.starts_with("maximum recursion depth exceeded "));
        CHECK(o.err == "");
    }
    Outcome hashed = run_python(nest + "print(hash(t) == hash(t), {t: 1}[t])\n", MachineConfig{});
    CHECK(hashed.out == "True 1\n");
}

TEST_CASE("a comparison that would take 2**40 steps in one instruction stops with RuntimeError, and the run goes on") {
    const char* source = "a = []\nb = []\nfor i in range(40):\n    a = [a, a]\n    b = [b, b]\n"
                         "try:\n    a == b\nexcept RuntimeError as e:\n    print(type(e).__name__, e)\n"
                         "t = ()\nfor i in range(60):\n    t = (t, t)\nprint(hash(t) == hash(t), 'after')\n";
    Outcome o = run_python(source, with_memory(uint64_t{64} << 20));
    // As many as 64 MiB could hold references to: 64 MiB / 16 B.
    CHECK(o.out == "RuntimeError Threadlab stopped this instruction: it entered more than 4194304 nested values in comparison\n"
                   "True after\n");
}

TEST_CASE("where the budget runs out is part of the run: the same trace twice") {
    CHECK(run_python(kGrowth, with_memory(uint64_t{2} << 20)).hash == run_python(kGrowth, with_memory(uint64_t{2} << 20)).hash);
}

TEST_CASE("past the live-thread limit start() raises RuntimeError: can't start new thread, and the threads started run") {
    const char* source = "import threading, time\n"
                         "threads = []\n"
                         "try:\n"
                         "    for i in range(100):\n"
                         "        t = threading.Thread(target=time.sleep, args=(1,))\n"
                         "        t.start()\n"
                         "        threads.append(t)\n"
                         "except RuntimeError as e:\n"
                         "    print('refused after', len(threads), e)\n"
                         "for t in threads:\n"
                         "    t.join()\n"
                         "t = threading.Thread(target=print, args=('a thread again',))\n"
                         "t.start()\n"
                         "t.join()\n";
    MachineConfig config;
    config.max_threads = 10;
    Outcome o = run_python(source, config);
    CHECK(o.out == "refused after 9 can't start new thread\na thread again\n");
}

TEST_CASE("threads started one after another stop at the run's thread table, where each name takes its share") {
    // Each finished thread keeps its TCB to the end of the run: without a bound on the table, a
    // loop of start() and join() ran the WebAssembly engine out of memory between 200 000 and
    // 300 000 threads.
    const char* source = "import threading\n"
                         "def run_all(name):\n"
                         "    started = 0\n"
                         "    try:\n"
                         "        while True:\n"
                         "            t = threading.Thread(target=len, args=((),), name=name)\n"
                         "            t.start()\n"
                         "            t.join()\n"
                         "            started += 1\n"
                         "    except RuntimeError as e:\n"
                         "        print(started, e)\n"
                         "run_all('x' * 100000)\n"
                         "run_all('short')\n";
    Outcome o = run_python(source, MachineConfig{});
    CHECK(o.status == RunStatus::Finished);
    // MainThread, then threads of 1 KiB and three copies of a 100 000-byte name until the 64 MiB
    // are full; what is left still holds threads with short names.
    const uint64_t main_record = kThreadRecordBytes + 3 * std::string("MainThread").size();
    const uint64_t long_record = kThreadRecordBytes + 3 * 100000;
    const uint64_t long_threads = (kThreadTableBytes - main_record) / long_record;
    const uint64_t left = kThreadTableBytes - main_record - long_threads * long_record;
    const uint64_t short_threads = left / (kThreadRecordBytes + 3 * std::string("short").size());
    CHECK(o.out == std::to_string(long_threads) + " can't start new thread\n" + std::to_string(short_threads) +
                       " can't start new thread\n");
    CHECK(long_threads == 222);
    CHECK(short_threads > 200);
}

TEST_CASE("the machine's memory is shared by its processes, and a process that exits gives its memory back") {
    // Four children grow at once; then the parent, alone again, needs most of the memory itself.
    const char* source = "from multiprocessing import Process\n"
                         "def grow():\n"
                         "    a = []\n"
                         "    while True:\n"
                         "        a.append([0] * 1000)\n"
                         "if __name__ == '__main__':\n"
                         "    ps = [Process(target=grow) for _ in range(4)]\n"
                         "    for p in ps:\n"
                         "        p.start()\n"
                         "    for p in ps:\n"
                         "        p.join()\n"
                         "    print([p.exitcode for p in ps])\n"
                         "    b = [[1] * 1000 for _ in range(600)]\n"
                         "    print('again', len(b))\n";
    const uint64_t memory = uint64_t{16} << 20;
    PythonRun run(with_memory(memory));
    REQUIRE_FALSE(run.start(source, "limits.py"));
    size_t most = 0;  // the most the live processes held together, between batches
    while (run.run(kNever, 20000) == RunStatus::Paused) {
        size_t together = 0;
        for (const python::PythonProcess& p : run.processes())
            if (!p.released)
                together += p.vm->heap.bytes;
        most = std::max(most, together);
    }
    CHECK(run.machine().status() == RunStatus::Finished);
    const Trace& trace = run.machine().trace();
    std::string out, err;
    for (uint64_t i = trace.output_first(); i < trace.output_count(); ++i)
        (trace.output(i).stream == OutputStream::Stdout ? out : err) += trace.output(i).text + "\n";
    CHECK(out == "[1, 1, 1, 1]\nagain 600\n");
    size_t errors = 0;
    for (size_t at = err.find("MemoryError\n"); at != std::string::npos; at = err.find("MemoryError\n", at + 1))
        ++errors;
    CHECK(errors == 4);
    // Past the budget a process may run on by a quarter of it, for its handler (Interpreter::memory_exhausted).
    CHECK(most <= memory + memory / 4);
    CHECK(most > memory / 2);
}

TEST_CASE("past the process limit Process.start() raises BlockingIOError, and the processes started run") {
    const char* source = "from multiprocessing import Process\n"
                         "if __name__ == '__main__':\n"
                         "    ps = []\n"
                         "    try:\n"
                         "        for i in range(10):\n"
                         "            p = Process(target=print, args=('child', i))\n"
                         "            p.start()\n"
                         "            ps.append(p)\n"
                         "    except BlockingIOError as e:\n"
                         "        print('refused after', len(ps), e, isinstance(e, OSError))\n"
                         "    for p in ps:\n"
                         "        p.join()\n"
                         "    print('joined', [p.exitcode for p in ps])\n";
    MachineConfig config;
    config.max_processes = 3;
    Outcome o = run_python(source, config);
    CHECK(o.out.starts_with("refused after 2 [Errno 11] Resource temporarily unavailable True\n"));
    CHECK(o.out.find("child 0\n") != std::string::npos);
    CHECK(o.out.find("child 1\n") != std::string::npos);
    CHECK(o.out.ends_with("joined [0, 0]\n"));
    CHECK(o.err == "");
}

TEST_CASE("threads started and finished one after another are freed: only the live ones keep frames") {
    const char* source = "import threading\n"
                         "def work(i):\n"
                         "    if i == 7:\n"
                         "        raise ValueError('seven')\n"
                         "    return [i] * 100\n"
                         "for i in range(20000):\n"
                         "    t = threading.Thread(target=work, args=(i,))\n"
                         "    t.start()\n"
                         "    t.join()\n"
                         "print('done', threading.active_count(), len(threading.enumerate()))\n";
    PythonRun run{MachineConfig{}};
    REQUIRE_FALSE(run.start(source, "threads.py"));
    bool finished_thread_keeps_frames = false;
    while (run.run(kNever, 200000) == RunStatus::Paused) {
        const Machine& m = run.machine();
        for (ThreadId t = 0; t < static_cast<ThreadId>(m.thread_count()); ++t) {
            const python::Thread* thread = run.python_thread(t);
            if (m.thread(t).state == ThreadState::Terminated && thread &&
                thread->frames.built() != 0)
                finished_thread_keeps_frames = true;
        }
    }
    CHECK(run.machine().status() == RunStatus::Finished);
    CHECK(run.machine().thread_count() == 20001);
    CHECK_FALSE(finished_thread_keeps_frames);
    // What the outcome reads after the run stays: the thread that raised, and what it raised.
    const python::Thread* seventh = run.python_thread(8);
    REQUIRE(seventh);
    CHECK(seventh->uncaught_text == "ValueError: seven");
    const Trace& trace = run.machine().trace();
    REQUIRE(trace.output_count() > 0);
    CHECK(trace.output(trace.output_count() - 1).text == "done 1 1");
    // The snapshot lists the main thread and the newest finished ones, and counts the rest.
    std::shared_ptr<lab::LabSnapshot> snap = lab::capture(run, nullptr);
    REQUIRE(snap->threads.size() == lab::kMaxFinishedThreads + 1);
    CHECK(snap->threads.front().is_main);
    CHECK(snap->threads.back().id == 20000);
    CHECK(snap->threads_not_shown == 20001 - snap->threads.size());
    CHECK(snap->processes.at(0).threads.size() == snap->threads.size());
}

TEST_CASE("the memory, the thread limit and the process limit are settings of the link") {
    config::LabConfig c;
    c.max_memory = uint64_t{16} << 20;
    c.max_threads = 50;
    c.max_processes = 8;
    CHECK(config::encode_fragment(c) == "v=1&max-memory=16MiB&max-threads=50&max-processes=8");
    CHECK(config::to_machine_config(config::decode_fragment("#v=1&max-processes=8").config).max_processes == 8);
    config::DecodeResult decoded = config::decode_fragment("#v=1&max-memory=512KiB&max-threads=0&max-processes=300");
    REQUIRE(decoded.problems.size() == 3);
    CHECK(decoded.problems[0].message == "max-memory=512KiB: must be 1MiB..4GiB");
    CHECK(decoded.problems[1].message == "max-threads=0: must be a whole number 1..100000");
    CHECK(decoded.problems[2].message == "max-processes=300: must be a whole number 1..256");
    CHECK(config::decode_fragment("#v=1&max-memory=64MB").problems.at(0).message ==
          "max-memory=64MB: must be a size such as 64MiB, 512KiB or 1GiB");
    CHECK(config::to_machine_config(config::decode_fragment("#v=1&max-memory=2GiB").config).max_memory == uint64_t{2} << 30);
}

TEST_CASE("printing forever keeps the newest output, bounded in lines and bytes, and counts what it dropped") {
    MachineConfig config;
    config.trace.max_output_lines = 100;
    config.trace.max_output_bytes = 1000;
    PythonRun run(config);
    REQUIRE_FALSE(run.start("for i in range(5000):\n    print(i)\nprint('x' * 5000, end='')\n", "limits.py"));
    run.run();
    const Trace& trace = run.machine().trace();
    CHECK(trace.output_count() == 5001);
    CHECK(trace.output_first() == 5000);  // the long last line alone is over the byte cap: it is kept
    CHECK(trace.output(5000).text.size() == 5000);
    CHECK(run.machine().describe_stats().find("output lines      5001 (5000 dropped") != std::string::npos);
}

TEST_CASE("one line printed without end is emitted in pieces, so no buffer grows without end") {
    MachineConfig config;
    PythonRun run(config);
    REQUIRE_FALSE(run.start("for i in range(40):\n    print('y' * 10000, end='')\n", "limits.py"));
    run.run();
    const Trace& trace = run.machine().trace();
    std::string all;
    for (uint64_t i = trace.output_first(); i < trace.output_count(); ++i) {
        CHECK(trace.output(i).text.size() <= 80000);
        CHECK_FALSE(trace.output(i).newline);
        all += trace.output(i).text;
    }
    CHECK(all == std::string(400000, 'y'));
}

TEST_CASE("a snapshot of a huge program copies a bounded part: the first items, the count, the newest output") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start("big = [[i] for i in range(100000)]\ntext = 'z' * 1000000\ndata = bytearray(2000000)\nfor i in range(5000):\n    print(i)\n"
                            "print('w' * 100000)\n",
                            "limits.py"));
    run.run();
    std::shared_ptr<lab::LabSnapshot> snap = lab::capture(run, nullptr);
    const lab::ProcessView& process = snap->processes.at(0);
    CHECK(process.heap.size() <= lab::kMaxHeapObjects);
    CHECK(process.heap.size() < 100);  // the first 64 items of `big` and the names
    bool summarised = false;
    for (const lab::Variable& g : process.globals) {
        if (g.name == "big")
            summarised = g.value.repr == "list of 100000 items";
        if (g.name == "text" || g.name == "data")
            CHECK(g.value.repr.size() <= lab::kMaxReprBytes + 4);
        if (g.name == "data")
            CHECK(g.value.repr.starts_with("bytearray of 2000000 bytes: b'\\x00\\x00"));
    }
    CHECK(summarised);
    CHECK(snap->output.size() == lab::kMaxOutputLines);
    CHECK(snap->output_first == 5001 - lab::kMaxOutputLines);
    CHECK(snap->output.back().text.ends_with("… (97952 more bytes)"));
}

TEST_CASE("a snapshot of values whose repr fails leaves the program untouched: a deep list, a long int") {
    PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start("deep = []\nfor i in range(5000):\n    deep = [deep]\nbig = 10 ** 5000\nn = 0\nwhile n < 50000:\n    n += 1\n"
                            "print('ran on', n)\n",
                            "limits.py"));
    // Snapshots taken while it runs, as the page takes them between batches.
    bool saw_deep = false;
    while (run.run(machine::kNever, 2000) != RunStatus::Finished) {
        std::shared_ptr<lab::LabSnapshot> snap = lab::capture(run, nullptr);
        for (const lab::Variable& g : snap->processes.at(0).globals)
            saw_deep = saw_deep || (g.name == "deep" && g.value.repr.starts_with("[[[[") && g.value.repr.size() <= lab::kMaxReprBytes + 4);
    }
    CHECK(saw_deep);
    const Trace& trace = run.machine().trace();
    REQUIRE(trace.output_count() == 1);
    CHECK(trace.output(0).text == "ran on 50000");
}
