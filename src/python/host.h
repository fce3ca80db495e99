// Host: the only way the interpreter reaches the world outside the Python process. The CLI,
// the tests and the simulated machine each implement it; the engine itself does no I/O.
//
// Blocking operations (lock.acquire, time.sleep, join, queue.get) are native functions that
// tell their host what they wait for, then return NativeResult::suspend(): the interpreter
// parks the thread (Thread::state == Suspended) and the host resumes it later with
// Interpreter::resume(thread, result) or Interpreter::resume_with_exception(thread, exc).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace python {

struct Host {
    virtual ~Host() = default;

    // print() and friends. Text is UTF-8; nothing is buffered on the engine side.
    virtual void write_stdout(std::string_view text) = 0;
    virtual void write_stderr(std::string_view text) = 0;

    // The simulated clock (time.time, time.monotonic, logging timestamps), in nanoseconds.
    virtual int64_t now_ns() = 0;

    // Random bits for the `random` module; the machine draws them from its one seeded PRNG.
    virtual uint64_t random_u64() = 0;
};

// The host of a single-threaded run (the CLI's `run`, unit tests): output is collected in
// strings, the clock stands still unless advanced, random numbers come from a seeded
// SplitMix64 sequence.
struct BufferHost : Host {
    void write_stdout(std::string_view text) override;
    void write_stderr(std::string_view text) override;
    int64_t now_ns() override { return clock_ns; }
    uint64_t random_u64() override;

    std::string_view out() const { return stdout_text; }
    std::string_view err() const { return stderr_text; }

    int64_t clock_ns = 0;
    uint64_t seed = 0;
    std::string stdout_text, stderr_text;
};

} // namespace python
